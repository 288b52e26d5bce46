// Fills an empty database with the demo newsroom: four staff accounts, sections, tags, photos and
// original Korean stories in every workflow state. Runs once: a database that already has staff
// is left alone.
import { readFile } from "node:fs/promises";
import path from "node:path";
import sharp from "sharp";
import { articleBodySchema, type ArticleBody } from "@/lib/articles/body/body-schema";
import { renderArticleBody } from "@/lib/articles/body/render-body";
import { syncLiveTags } from "@/lib/articles/public/live-tags";
import { slugFor } from "@/lib/articles/public/slug";
import { hashPassword } from "@/lib/auth/password-hash";
import type { Db, DbTransaction } from "@/lib/db/client";
import { contentStorageKey } from "@/lib/media/storage";
import type { MediaStorage } from "@/lib/media/storage-types";
import { DEMO_STAFF } from "@/lib/seed/demo-staff";
import { DEMO_SECTIONS, DEMO_STORIES, type DemoBlock, type DemoStaffKey, type DemoStory } from "@/prisma/seed/demo-content";
import { pollBlackoutWindow } from "@/lib/elections/poll-blackout";

export { DEMO_STAFF };

const IMAGES_DIR = path.join(process.cwd(), "prisma", "seed", "images");
const HOUR = 3_600_000;
/** The published demo story the demo 반론보도 claim is about (lib/claims/demo-claim.ts). */
const CLAIMED_STORY = "청년 임대주택 320가구";

/** Tiptap JSON for a demo story's blocks: paragraphs, sub-heads and block quotes. */
function demoBlocksToBody(blocks: DemoBlock[]): ArticleBody {
  const text = (value: string) => [{ type: "text", text: value }];
  const content = blocks.map((block) => {
    if (block.type === "h3") return { type: "heading", attrs: { level: 3 }, content: text(block.text) };
    if (block.type === "quote") return { type: "blockquote", content: [{ type: "paragraph", content: text(block.text) }] };
    return { type: "paragraph", content: text(block.text) };
  });
  return articleBodySchema.parse({ type: "doc", content });
}

export interface SeedResult {
  seeded: boolean;
  stories: number;
}

export async function seedDemoNewsroom(
  db: Db,
  options: { password: () => Promise<string>; storage: MediaStorage; now?: Date; log?: (line: string) => void },
): Promise<SeedResult> {
  if ((await db.user.count()) > 0) {
    options.log?.("the database already has staff accounts; demo seed skipped");
    return { seeded: false, stories: 0 };
  }
  const now = options.now ?? new Date();
  const passwordHash = await hashPassword(await options.password());
  const media = await storeDemoImages(options.storage);

  const claim = await db.$transaction(
    async (tx) => {
      const staff = {} as Record<DemoStaffKey, string>;
      for (const [key, person] of Object.entries(DEMO_STAFF) as [DemoStaffKey, (typeof DEMO_STAFF)[DemoStaffKey]][]) {
        const user = await tx.user.create({ data: { ...person, passwordHash, passwordChangedAt: now } });
        staff[key] = user.id;
      }
      const sectionIds = new Map<string, number>();
      for (const section of DEMO_SECTIONS) {
        sectionIds.set(section.slug, (await tx.section.create({ data: section })).id);
      }
      let claimedStoryId: number | null = null;
      const tagIds = new Map<string, number>();
      for (const name of new Set(DEMO_STORIES.flatMap((story) => story.tags))) {
        tagIds.set(name, (await tx.tag.create({ data: { name, slug: slugFor(name) } })).id);
      }
      for (const story of DEMO_STORIES) {
        const image = media.get(story.image.file);
        if (!image) throw new Error(`demo image missing: ${story.image.file}`);
        const mediaRow = await tx.media.upsert({
          where: { storageKey: image.storageKey },
          update: {},
          create: {
            ...image,
            altText: story.image.alt,
            caption: story.image.caption,
            credit: story.image.credit,
            origin: story.image.origin?.kind ?? "OWN",
            originSource: story.image.origin?.source ?? "",
            uploaderId: staff[story.author],
          },
        });
        const articleId = await createDemoArticle(tx, story, {
          authorId: staff[story.author],
          editorId: staff.editor,
          sectionId: sectionIds.get(story.section) ?? null,
          tagIds: story.tags.map((tag) => tagIds.get(tag)).filter((id): id is number => id !== undefined),
          heroImageId: mediaRow.id,
          now,
        });
        if (story.status === "PUBLISHED") await seedDemoViews(tx, articleId, story, DEMO_STORIES.indexOf(story), now);
        if (story.headline.startsWith(CLAIMED_STORY)) claimedStoryId = articleId;
      }
      // The next national election (공직선거법 제34조: 2028-04-12), so /newsroom/elections shows one.
      const window = pollBlackoutWindow("2028-04-12", "18:00");
      await tx.election.create({ data: { name: "제23대 국회의원선거", pollBlackoutStartsAt: window.startsAt, votingEndsAt: window.endsAt, createdById: staff.admin } });
      await tx.auditLog.create({ data: { action: "seed.demo", detail: { stories: DEMO_STORIES.length } } });
      if (claimedStoryId === null) throw new Error(`demo story missing: ${CLAIMED_STORY}`);
      // Loaded here, not at the top: the rights desk's modules are marked server-only, and the
      // scripts that seed outside Next.js empty that marker (server/server-only-hook.ts) first.
      const { seedDemoClaim } = await import("@/lib/claims/demo-claim");
      return seedDemoClaim(tx, { articleId: claimedStoryId, editorId: staff.editor, now });
    },
    { timeout: 120_000 },
  );
  options.log?.(`seeded the demo newsroom: ${DEMO_STORIES.length} stories`);
  options.log?.(`demo rights-desk claim ${claim.receiptNumber}: the claimant's status page is ${claim.statusPath}`);
  return { seeded: true, stories: DEMO_STORIES.length };
}

async function storeDemoImages(storage: MediaStorage) {
  const files = new Set(DEMO_STORIES.map((story) => story.image.file));
  const stored = new Map<string, { storageKey: string; mimeType: string; byteSize: number; width: number; height: number }>();
  for (const file of files) {
    const bytes = await readFile(path.join(IMAGES_DIR, file));
    const meta = await sharp(bytes).metadata();
    const storageKey = contentStorageKey(bytes, "jpg", "demo");
    await storage.put(storageKey, bytes, "image/jpeg");
    stored.set(file, { storageKey, mimeType: "image/jpeg", byteSize: bytes.length, width: meta.width ?? 0, height: meta.height ?? 0 });
  }
  return stored;
}

async function createDemoArticle(
  tx: DbTransaction,
  story: DemoStory,
  refs: { authorId: string; editorId: string; sectionId: number | null; tagIds: number[]; heroImageId: string; now: Date },
) {
  const body = demoBlocksToBody(story.body);
  const { html, text, renderVersion } = renderArticleBody(body);
  const at = new Date(refs.now.getTime() - story.hoursAgo * HOUR);
  const isLive = story.status === "PUBLISHED" || story.status === "SCHEDULED";
  // A scheduled story was approved an hour ago for a time still to come.
  const approvedAt = story.status === "SCHEDULED" ? new Date(refs.now.getTime() - HOUR) : at;
  const content = {
    headline: story.headline,
    subHeadlines: story.subHeadlines,
    sectionId: refs.sectionId,
    heroImageId: refs.heroImageId,
    heroCaption: story.image.caption,
    heroCredit: story.image.credit,
    bodyJson: body,
    bodyHtml: html,
    bodyText: text,
    renderVersion,
    // 자체 취재 unless the story says otherwise (wire copy, a press release), none for an unfinished draft.
    origin: story.origin === null ? null : (story.origin?.kind ?? "OWN_REPORTING"),
    originSource: story.origin?.source ?? "",
  };
  const article = await tx.article.create({
    data: {
      ...content,
      slug: slugFor(story.headline),
      authorId: refs.authorId,
      status: story.status,
      version: 1,
      createdAt: new Date(approvedAt.getTime() - 3 * HOUR),
      submittedAt: story.status === "DRAFT" ? null : new Date(approvedAt.getTime() - HOUR),
      approvedAt: isLive ? approvedAt : null,
      approvedById: isLive ? refs.editorId : null,
      publishedAt: isLive ? at : null,
      tags: { create: refs.tagIds.map((tagId) => ({ tagId })) },
    },
  });
  const snapshot = { ...content, tagNames: story.tags, articleId: article.id, articleVersion: 1 };
  if (story.status !== "DRAFT") {
    await tx.articleRevision.create({ data: { ...snapshot, number: 1, kind: "SUBMIT", createdById: refs.authorId, createdAt: article.submittedAt ?? at } });
  } else {
    await tx.articleRevision.create({ data: { ...snapshot, number: 1, kind: "SAVE", createdById: refs.authorId, createdAt: at } });
  }
  if (isLive) {
    const approval = await tx.articleRevision.create({
      data: { ...snapshot, number: 2, kind: "APPROVE", createdById: refs.editorId, createdAt: approvedAt },
    });
    await tx.article.update({ where: { id: article.id }, data: { liveRevisionId: approval.id } });
    await syncLiveTags(tx, article.id);
  }
  // The desk's record of how each story got where it is (what the workflow would have written).
  const transitions = [
    ...(story.status !== "DRAFT" ? [{ kind: "SUBMIT" as const, fromStatus: "DRAFT" as const, toStatus: "SUBMITTED" as const, actorId: refs.authorId, revisionNumber: 1, createdAt: article.submittedAt ?? at }] : []),
    ...(isLive
      ? [{ kind: story.status === "SCHEDULED" ? ("SCHEDULE" as const) : ("PUBLISH" as const), fromStatus: "SUBMITTED" as const, toStatus: story.status, actorId: refs.editorId, revisionNumber: 2, publishAt: story.status === "SCHEDULED" ? at : null, createdAt: approvedAt }]
      : []),
  ];
  if (transitions.length) await tx.articleTransition.createMany({ data: transitions.map((transition) => ({ ...transition, articleId: article.id })) });
  return article.id;
}

/** A few hours of readers for a published demo story, so the most-read boxes have something. */
async function seedDemoViews(tx: DbTransaction, articleId: number, story: DemoStory, index: number, now: Date) {
  const thisHour = Math.floor(now.getTime() / HOUR) * HOUR;
  const hours = [0, 5, 30, 80].filter((ago) => ago < story.hoursAgo);
  const rows = hours.map((ago, step) => ({ articleId, hour: new Date(thisHour - ago * HOUR), count: 20 + ((index * 37 + step * 11) % 90) }));
  if (rows.length) await tx.articleView.createMany({ data: rows });
  await tx.article.update({ where: { id: articleId }, data: { viewCount: rows.reduce((sum, row) => sum + row.count, 0) } });
}
