import "server-only";
// The desk's queue: stories submitted for approval and pending updates of live stories, oldest
// wait first, with what the desk weighs at a glance: how long it has waited, who wrote it, the
// section, its length (characters and 200-character 원고지 pages) and whether every image has
// alt text and a credit.
import { deskQueueFilterSchema } from "@/lib/articles/workflow/desk-input-schema";
import { countManuscript, type ManuscriptCount } from "@/lib/articles/body/manuscript-count";
import { imageProblems } from "@/lib/articles/workflow/submission-checks";
import type { BodyNode } from "@/lib/articles/body/body-schema";
import { liveWhere } from "@/lib/articles/public/visibility";
import { assertCan } from "@/lib/auth/permissions";
import type { StaffUser } from "@/lib/auth/staff-user";
import { db } from "@/lib/db";
import type { Prisma } from "@/lib/generated/prisma/client";
import { parseInput } from "@/lib/validation";

type QueueKind = "submitted" | "resubmitted" | "update";

export interface QueueItem {
  id: number;
  headline: string;
  kind: QueueKind;
  version: number;
  waitingSince: Date;
  author: { id: string; name: string; title: string };
  section: { id: number; name: string } | null;
  length: ManuscriptCount;
  images: { count: number; problems: string[] };
}

const MAX_QUEUE = 200;

function queueWhere(kind: "submitted" | "update" | undefined): Prisma.ArticleWhereInput {
  const submitted: Prisma.ArticleWhereInput = { status: "SUBMITTED" };
  const update: Prisma.ArticleWhereInput = { AND: [liveWhere(), { hasPendingUpdate: true }] };
  if (kind === "submitted") return submitted;
  if (kind === "update") return update;
  return { OR: [submitted, update] };
}

function countFigures(nodes: BodyNode[] | undefined): number {
  return (nodes ?? []).reduce((sum, node) => sum + (node.type === "figure" ? 1 : 0) + countFigures(node.content), 0);
}

/** How many stories wait for the desk (the header's count). */
export async function countDeskQueue(actor: StaffUser): Promise<number> {
  assertCan(actor, "article.approve");
  return db.article.count({ where: queueWhere(undefined) });
}

/** The queue, oldest wait first, filtered by section, kind, reporter and headline. */
export async function getDeskQueue(actor: StaffUser, input: unknown): Promise<QueueItem[]> {
  assertCan(actor, "article.approve");
  const filter = parseInput(deskQueueFilterSchema, input);
  const rows = await db.article.findMany({
    where: {
      ...queueWhere(filter.kind),
      ...(filter.sectionId ? { sectionId: filter.sectionId } : {}),
      ...(filter.authorId ? { authorId: filter.authorId } : {}),
      ...(filter.q ? { headline: { contains: filter.q, mode: "insensitive" as const } } : {}),
    },
    orderBy: { id: "asc" },
    take: MAX_QUEUE,
    select: {
      id: true,
      headline: true,
      status: true,
      version: true,
      submittedAt: true,
      updatedAt: true,
      bodyText: true,
      bodyJson: true,
      heroImageId: true,
      heroCredit: true,
      heroAlt: true,
      heroImage: { select: { altText: true } },
      author: { select: { id: true, name: true, title: true } },
      section: { select: { id: true, name: true } },
      liveRevision: { select: { number: true } },
      transitions: { where: { kind: "RETURN" }, take: 1, select: { id: true } },
    },
  });
  const pendingSince = await firstUnapprovedChange(rows.flatMap((row) => (row.status !== "SUBMITTED" && row.liveRevision ? [{ id: row.id, after: row.liveRevision.number }] : [])));
  const items = rows.map((row): QueueItem => {
    const body = row.bodyJson as { content?: BodyNode[] };
    const kind: QueueKind = row.status !== "SUBMITTED" ? "update" : row.transitions.length > 0 ? "resubmitted" : "submitted";
    return {
      id: row.id,
      headline: row.headline,
      kind,
      version: row.version,
      waitingSince: (kind === "update" ? pendingSince.get(row.id) : row.submittedAt) ?? row.updatedAt,
      author: row.author,
      section: row.section,
      length: countManuscript(row.bodyText),
      images: {
        count: (row.heroImageId ? 1 : 0) + countFigures(body.content),
        problems: imageProblems({ hero: row.heroImageId ? { mediaId: row.heroImageId, alt: row.heroAlt || row.heroImage?.altText, credit: row.heroCredit } : null, body }).map((problem) => problem.message),
      },
    };
  });
  return items.sort((a, b) => a.waitingSince.getTime() - b.waitingSince.getTime() || a.id - b.id);
}

/** For pending updates: when the first change after the live revision was saved. */
async function firstUnapprovedChange(stories: { id: number; after: number }[]): Promise<Map<number, Date>> {
  if (stories.length === 0) return new Map();
  const groups = await db.articleRevision.groupBy({
    by: ["articleId"],
    where: { OR: stories.map((story) => ({ articleId: story.id, number: { gt: story.after } })) },
    _min: { createdAt: true },
  });
  return new Map(groups.flatMap((group) => (group._min.createdAt ? [[group.articleId, group._min.createdAt] as const] : [])));
}

/** The reporters and sections the queue's filters offer. */
export async function getDeskQueueFilterOptions(actor: StaffUser) {
  assertCan(actor, "article.approve");
  const [reporters, sections] = await Promise.all([
    db.user.findMany({ where: { active: true, articles: { some: {} } }, orderBy: { name: "asc" }, select: { id: true, name: true, title: true } }),
    db.section.findMany({ where: { active: true }, orderBy: [{ sortOrder: "asc" }, { id: "asc" }], select: { id: true, name: true } }),
  ]);
  return { reporters, sections };
}
