import "server-only";
// What the desk reads about blocks: the list (in force, then ended), and the post a new block
// would cover, for the form a link opens (/newsroom/takedowns/new?article=12&claim=R-2026-0001,
// or ?comment=34: the claims desk links here with its receipt number).
import { assertCan } from "@/lib/auth/permissions";
import type { StaffUser } from "@/lib/auth/staff-user";
import { db } from "@/lib/db";
import { notFound } from "@/lib/errors";
import type { Prisma } from "@/lib/generated/prisma/client";
import type { TakedownReason, TakedownStatus } from "@/lib/generated/prisma/enums";
import { takedownInForceAt } from "@/lib/takedowns/takedown-rules";

/** Who posted the blocked post and how they were told (제44조의2 제2항). */
export type PosterOut = { kind: "staff"; name: string; title: string } | { kind: "guest"; nickname: string };

export interface TakedownTargetOut {
  articleId: number;
  headline: string;
  /** Whether the story is on the site (a block of the whole story needs that). */
  live: boolean;
  comment: { id: number; body: string; status: string } | null;
  poster: PosterOut;
}

export interface TakedownOut {
  id: number;
  target: TakedownTargetOut;
  reason: TakedownReason;
  claimReference: string | null;
  note: string;
  startsAt: Date;
  endsAt: Date;
  status: TakedownStatus;
  /** In force now (ACTIVE and its time not come). */
  inForce: boolean;
  endedAt: Date | null;
  endNote: string | null;
  createdBy: string;
  endedBy: string | null;
}

const targetSelect = {
  article: {
    select: {
      id: true,
      headline: true,
      status: true,
      liveRevisionId: true,
      liveRevision: { select: { headline: true } },
      author: { select: { name: true, title: true } },
    },
  },
  comment: { select: { id: true, body: true, status: true, guestName: true, user: { select: { name: true, title: true } } } },
} as const satisfies Prisma.TakedownSelect;

type TargetRow = Prisma.TakedownGetPayload<{ select: typeof targetSelect }>;

function toTarget(row: Pick<TargetRow, "article" | "comment">): TakedownTargetOut {
  const { article, comment } = row;
  const poster: PosterOut = comment
    ? comment.user
      ? { kind: "staff", name: comment.user.name, title: comment.user.title }
      : { kind: "guest", nickname: comment.guestName ?? "독자" }
    : { kind: "staff", name: article.author.name, title: article.author.title };
  return {
    articleId: article.id,
    // The headline readers saw: the live revision's.
    headline: article.liveRevision?.headline ?? article.headline,
    live: ["PUBLISHED", "SCHEDULED"].includes(article.status) && article.liveRevisionId !== null,
    comment: comment ? { id: comment.id, body: comment.body, status: comment.status } : null,
    poster,
  };
}

const LISTED_ENDED = 50;

/** Blocks in force (ending soonest first), then the latest ended ones. */
export async function listTakedowns(actor: StaffUser, now = new Date()): Promise<{ inForce: TakedownOut[]; ended: TakedownOut[] }> {
  assertCan(actor, "takedown.manage");
  const select = {
    ...targetSelect,
    id: true,
    reason: true,
    claimReference: true,
    note: true,
    startsAt: true,
    endsAt: true,
    status: true,
    endedAt: true,
    endNote: true,
    createdBy: { select: { name: true } },
    endedBy: { select: { name: true } },
  } as const satisfies Prisma.TakedownSelect;
  const inForceWhere: Prisma.TakedownWhereInput = { status: "ACTIVE", endsAt: { gt: now } };
  const [inForce, ended] = await Promise.all([
    db.takedown.findMany({ where: inForceWhere, orderBy: [{ endsAt: "asc" }, { id: "asc" }], select }),
    db.takedown.findMany({ where: { NOT: inForceWhere }, orderBy: [{ endsAt: "desc" }, { id: "desc" }], take: LISTED_ENDED, select }),
  ]);
  const toOut = (row: (typeof inForce)[number]): TakedownOut => ({
    id: row.id,
    target: toTarget(row),
    reason: row.reason,
    claimReference: row.claimReference,
    note: row.note,
    startsAt: row.startsAt,
    endsAt: row.endsAt,
    // A block whose time has come is over for readers even before its job records it.
    status: row.status,
    inForce: takedownInForceAt(row, now),
    endedAt: row.endedAt ?? (row.status === "ACTIVE" ? row.endsAt : null),
    endNote: row.endNote,
    createdBy: row.createdBy.name,
    endedBy: row.endedBy?.name ?? null,
  });
  return { inForce: inForce.map(toOut), ended: ended.map(toOut) };
}

/** The story or comment a new block would cover, for the desk's form. */
export async function getTakedownTarget(actor: StaffUser, target: { articleId?: number; commentId?: number }): Promise<TakedownTargetOut> {
  assertCan(actor, "takedown.manage");
  if (target.commentId !== undefined) {
    const row = await db.comment.findUnique({ where: { id: target.commentId }, select: { article: targetSelect.article, ...targetSelect.comment.select } });
    if (!row) throw notFound("댓글을 찾을 수 없습니다.");
    const { article, ...comment } = row;
    return toTarget({ article, comment });
  }
  const article = await db.article.findUnique({ where: { id: target.articleId ?? 0 }, select: targetSelect.article.select });
  if (!article) throw notFound("기사를 찾을 수 없습니다.");
  return toTarget({ article, comment: null });
}
