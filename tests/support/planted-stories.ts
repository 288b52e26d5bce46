// Stories that must never be public, planted next to one that is, for every test of a public
// surface (pages, lists, feeds, sitemaps, search, JSON-LD, the API, comments). Each planted
// story carries a unique marker in its headline, deck, body, photo caption and tag, so a test
// checks a whole response with one call: `expectNoPlantedStory(html)`.
//
// Planted (all by one reporter, in one section, with one tag, so section, tag and reporter
// pages are checked too):
// - draft: never submitted;
// - submitted: waiting at the desk;
// - scheduled: approved for a time still to come (it has a live revision, which must not show);
// - unpublished: was public, then pulled by the desk;
// - pendingUpdate: a *published* story whose working copy holds unapproved text: the story is
//   public, the marker (only in the working copy) must not be.
// - blocked: a published story under a 임시조치 in force (lib/takedowns): its address answers 451
//   with a notice, and it is in no list, feed, sitemap or search (not among `privateStoryIds`,
//   whose addresses answer 404 or 410).
// - published: the control, which must show up wherever a story of that kind should.
// Each story also carries a 정정 (correction) whose note holds its marker: a correction shows
// exactly where its story may (the story's page, /corrections, the corrections feed). The
// pendingUpdate story's correction is public (its story is), so its note holds the public marker.
// Each private story is also breaking (its 속보 banner runs for a day), has an update-log entry
// whose note holds its marker, and readers' reactions (a follow-up request among them): none of
// it may show anywhere (the banner on every page, the update log, reaction counts, the desk's
// follow-up list is staff-only).
// Two tags are private: one only the draft carries, and one added to the pendingUpdate story's
// working copy but not to its live revision (`privateTags`: their pages must be 404 and their
// names, which hold the markers, must show nowhere).
import { randomUUID } from "node:crypto";
import { expect } from "vitest";
import type { Db } from "@/lib/db/client";
import { hashPassword } from "@/lib/auth/password-hash";
import { syncLiveTags } from "@/lib/articles/public/live-tags";
import { slugFor } from "@/lib/articles/public/slug";
import { reporterPath } from "@/lib/reporters/reporter-url";
import { refreshSearchDocument } from "@/lib/search/search-index";

export type PlantedKind = "draft" | "submitted" | "scheduled" | "unpublished" | "pendingUpdate" | "blocked";

export interface PlantedStories {
  /** The marker of each story that must stay private (a string found only in that story). */
  markers: Record<PlantedKind, string>;
  ids: Record<PlantedKind | "published", number>;
  /** The control story's marker: it is public and should be found. */
  publishedMarker: string;
  authorId: string;
  /** The author's public page, /reporters/<number>-<name> (percent-encoded). */
  reporterPath: string;
  sectionId: number;
  sectionSlug: string;
  tagId: number;
  tagSlug: string;
  /** Tags no public story carries: the draft's own, and the one only in pendingUpdate's working copy. */
  privateTags: { id: number; slug: string }[];
}

const DAY = 24 * 60 * 60_000;

function body(marker: string) {
  const text = `${marker} 본문입니다. 고양시 경제자유구역 지정과 관련한 내용이 이어집니다.`;
  return {
    bodyJson: { type: "doc", content: [{ type: "paragraph", content: [{ type: "text", text }] }] },
    bodyHtml: `<p>${text}</p>`,
    bodyText: text,
  };
}

function content(marker: string) {
  return {
    headline: `${marker} 제목 고양시 기사`,
    subHeadlines: [`${marker} 부제`],
    heroCaption: `${marker} 사진 설명`,
    heroCredit: "사진=누리일보",
    ...body(marker),
  };
}

/**
 * Plants the stories (and their reporter, section and tag) through `db`. Markers are random per
 * call, Latin letters plus Hangul, so a search for them is a real query.
 */
export async function plantStories(db: Db, now = new Date()): Promise<PlantedStories> {
  const run = randomUUID().replaceAll("-", "").slice(0, 8);
  const marker = (kind: string) => `planted${kind}${run}`;
  const markers: Record<PlantedKind, string> = {
    draft: marker("draft"),
    submitted: marker("submitted"),
    scheduled: marker("scheduled"),
    unpublished: marker("unpublished"),
    pendingUpdate: marker("pending"),
    blocked: marker("blocked"),
  };
  const publishedMarker = marker("public");

  const passwordHash = await hashPassword(`planted-password-${run}`);
  const author = await db.user.create({
    data: {
      email: `planted-${run}@newsroom.test`,
      name: `심어둔${run.slice(0, 3)}`,
      role: "REPORTER",
      title: "인턴기자",
      bylineEmail: `planted-${run}@nuri-ilbo.test`,
      passwordHash,
    },
  });
  const editor = await db.user.create({
    data: { email: `planted-desk-${run}@newsroom.test`, name: "데스크", role: "EDITOR", passwordHash },
  });
  const section = await db.section.create({ data: { slug: `planted-${run}`, name: `심은섹션${run}`, sortOrder: 99 } });
  const tag = await db.tag.create({ data: { slug: `planted-tag-${run}`, name: `심은태그${run}` } });
  const draftTag = await db.tag.create({ data: { slug: `planted-draft-tag-${run}`, name: `${markers.draft}태그` } });
  const pendingTag = await db.tag.create({ data: { slug: `planted-pending-tag-${run}`, name: `${markers.pendingUpdate}태그` } });

  const create = async (
    status: "DRAFT" | "SUBMITTED" | "SCHEDULED" | "PUBLISHED" | "UNPUBLISHED",
    working: ReturnType<typeof content>,
    live: ReturnType<typeof content> | null,
    times: { publishedAt?: Date; unpublishedAt?: Date } = {},
    extraWorkingTag?: { id: number },
  ) => {
    const article = await db.article.create({
      data: {
        ...working,
        // As the desk's first approval would: from the headline, so each address carries its marker.
        slug: slugFor((live ?? working).headline),
        sectionId: section.id,
        authorId: author.id,
        status,
        submittedAt: status === "DRAFT" ? null : new Date(now.getTime() - DAY),
        approvedAt: live ? new Date(now.getTime() - DAY) : null,
        approvedById: live ? editor.id : null,
        publishedAt: times.publishedAt ?? null,
        unpublishedAt: times.unpublishedAt ?? null,
        hasPendingUpdate: live !== null && live.headline !== working.headline,
        tags: { create: [{ tagId: tag.id }, ...(extraWorkingTag ? [{ tagId: extraWorkingTag.id, sortOrder: 1 }] : [])] },
      },
    });
    if (live) {
      const revision = await db.articleRevision.create({
        data: { ...live, tagNames: [tag.name], articleId: article.id, number: 1, kind: "APPROVE", articleVersion: 1, sectionId: section.id, createdById: editor.id },
      });
      await db.article.update({ where: { id: article.id }, data: { liveRevisionId: revision.id } });
      await syncLiveTags(db, article.id);
    }
    // As the workflow would (through its domain events): the search index follows the story.
    await refreshSearchDocument(db, article.id);
    return article.id;
  };

  const past = new Date(now.getTime() - 2 * 60 * 60_000);
  const ids = {
    draft: await create("DRAFT", content(markers.draft), null, {}, draftTag),
    submitted: await create("SUBMITTED", content(markers.submitted), null),
    scheduled: await create("SCHEDULED", content(markers.scheduled), content(markers.scheduled), { publishedAt: new Date(now.getTime() + DAY) }),
    unpublished: await create("UNPUBLISHED", content(markers.unpublished), content(markers.unpublished), {
      publishedAt: new Date(now.getTime() - 2 * DAY),
      unpublishedAt: past,
    }),
    pendingUpdate: await create("PUBLISHED", content(markers.pendingUpdate), content(`${publishedMarker}live`), { publishedAt: past }, pendingTag),
    blocked: await create("PUBLISHED", content(markers.blocked), content(markers.blocked), { publishedAt: past }),
    published: await create("PUBLISHED", content(publishedMarker), content(publishedMarker), { publishedAt: past }),
  };
  // As the desk would (lib/takedowns/apply-takedown.ts), in force since an hour ago for 30 days.
  await db.takedown.create({
    data: { articleId: ids.blocked, reason: "OTHER_RIGHTS", startsAt: past, endsAt: new Date(now.getTime() + 30 * DAY), createdById: editor.id, createdAt: past },
  });
  for (const [kind, id] of Object.entries(ids)) {
    const marker = kind === "published" ? publishedMarker : kind === "pendingUpdate" ? `${publishedMarker}live` : markers[kind as PlantedKind];
    await db.articleCorrection.create({ data: { articleId: id, type: "CORRECTION", note: `${marker} 정정 설명: 날짜를 바로잡았습니다.`, createdById: editor.id, createdAt: past } });
  }
  for (const kind of ["draft", "submitted", "scheduled", "unpublished"] as const) {
    const id = ids[kind];
    await db.article.update({ where: { id }, data: { breakingUntil: new Date(now.getTime() + DAY) } });
    await db.articleUpdateLogEntry.create({ data: { articleId: id, note: `${markers[kind]} 2보`, createdById: editor.id, createdAt: past } });
    await db.articleReaction.createMany({ data: ["FOLLOW_UP", "SAD"].map((reaction, index) => ({ articleId: id, voterHash: `planted-${run}-${index}`, kind: reaction as "FOLLOW_UP" | "SAD" })) });
  }

  const privateTags = [draftTag, pendingTag].map(({ id, slug }) => ({ id, slug }));
  return { markers, ids, publishedMarker, authorId: author.id, reporterPath: reporterPath(author), sectionId: section.id, sectionSlug: section.slug, tagId: tag.id, tagSlug: tag.slug, privateTags };
}

/** Deletes what `plantStories` wrote (for tests on a shared database, such as the e2e app's). */
export async function removePlantedStories(db: Db, planted: PlantedStories): Promise<void> {
  await db.article.deleteMany({ where: { id: { in: Object.values(planted.ids) } } });
  await db.tag.deleteMany({ where: { id: { in: [planted.tagId, ...planted.privateTags.map((tag) => tag.id)] } } });
  await db.section.deleteMany({ where: { id: planted.sectionId } });
  await db.user.deleteMany({ where: { OR: [{ id: planted.authorId }, { email: { startsWith: "planted-desk-" } }] } });
}

/** Fails, naming the story, if any private marker appears in `text` (a page, a feed, JSON ...). */
export function expectNoPlantedStory(planted: PlantedStories, text: string, where = "response"): void {
  for (const [kind, marker] of Object.entries(planted.markers)) {
    expect(text.includes(marker), `the ${kind} story leaked into ${where}`).toBe(false);
  }
}

/** The ids of the stories readers must not reach, for checks such as "GET /articles/:id is 404/410". */
export function privateStoryIds(planted: PlantedStories): { kind: Exclude<PlantedKind, "pendingUpdate">; id: number }[] {
  return (["draft", "submitted", "scheduled", "unpublished"] as const).map((kind) => ({ kind, id: planted.ids[kind] }));
}
