import { beforeAll, describe, expect, it } from "vitest";
import { getLatestPublicArticles, getPublicArticle } from "@/lib/articles/public/public-queries";
import { getLatestStories } from "@/lib/articles/public/public-lists";
import { verifyPassword } from "@/lib/auth/password-hash";
import { evidenceIntact } from "@/lib/claims/claim-evidence";
import { db } from "@/lib/db";
import { DEMO_STORIES } from "@/prisma/seed/demo-content";
import { seedDemo, TEST_PASSWORD } from "../support/fixtures";
import { claimNoticeOnPage } from "../support/claim-fixtures";

const seededAt = new Date("2026-03-02T03:00:00Z");

beforeAll(async () => {
  expect((await seedDemo(seededAt)).seeded).toBe(true);
});

describe("the demo newsroom", () => {
  it("has the four demo staff with their roles and byline titles", async () => {
    const staff = await db.user.findMany({ orderBy: { email: "asc" }, select: { email: true, role: true, title: true, name: true } });
    expect(staff).toEqual([
      { email: "admin@newsroom.test", role: "ADMIN", title: "편집국장", name: "정민호" },
      { email: "editor@newsroom.test", role: "EDITOR", title: "선임기자", name: "박서연" },
      { email: "intern@newsroom.test", role: "REPORTER", title: "인턴기자", name: "최하은" },
      { email: "reporter@newsroom.test", role: "REPORTER", title: "기자", name: "이준혁" },
    ]);
  });

  it("never returns a password hash unless asked for explicitly, and the hash is argon2id", async () => {
    const user = await db.user.findFirstOrThrow({ where: { email: "intern@newsroom.test" } });
    expect(user).not.toHaveProperty("passwordHash");
    const withHash = await db.user.findFirstOrThrow({ where: { email: "intern@newsroom.test" }, omit: { passwordHash: false } });
    expect(withHash.passwordHash).toMatch(/^\$argon2id\$v=19\$m=19456,t=2,p=1\$/);
    expect(await verifyPassword(withHash.passwordHash, TEST_PASSWORD)).toBe(true);
    expect(await verifyPassword(withHash.passwordHash, "wrong-password-123")).toBe(false);
  });

  it("has at least 12 stories over at least 4 sections, in every workflow state", async () => {
    expect(await db.article.count()).toBe(DEMO_STORIES.length);
    expect(DEMO_STORIES.length).toBeGreaterThanOrEqual(12);
    const bySection = await db.article.groupBy({ by: ["sectionId"], _count: true });
    expect(bySection.length).toBeGreaterThanOrEqual(4);
    const statuses = new Set((await db.article.findMany({ select: { status: true } })).map((a) => a.status));
    expect([...statuses].sort()).toEqual(["DRAFT", "PUBLISHED", "SCHEDULED", "SUBMITTED"]);
    const withoutImage = await db.article.count({ where: { heroImageId: null } });
    expect(withoutImage).toBe(0);
  });

  it("derives HTML and plain text from the Tiptap JSON of every story", async () => {
    // The paper's own stories open with its credit; wire copy keeps the agency's dateline.
    for (const article of await db.article.findMany({ select: { bodyHtml: true, bodyText: true, origin: true } })) {
      const opening = article.origin === "WIRE" ? /^\(고양=(연합뉴스|뉴시스)\) / : /^\[누리일보 /;
      expect(article.bodyHtml.replace(/^<p>/, "")).toMatch(opening);
      expect(article.bodyText).toMatch(opening);
    }
  });

  it("enters the next national election, so the admin's elections page and its poll blackout have an example", async () => {
    const elections = await db.election.findMany({ select: { name: true, pollBlackoutStartsAt: true, votingEndsAt: true } });
    expect(elections).toEqual([{ name: "제23대 국회의원선거", pollBlackoutStartsAt: new Date("2028-04-05T15:00:00Z"), votingEndsAt: new Date("2028-04-12T09:00:00Z") }]);
  });

  it("gives stories and photos realistic origins: mostly own reporting, some wire copy and press releases", async () => {
    const origins = await db.article.groupBy({ by: ["origin"], where: { status: "PUBLISHED" }, _count: true, orderBy: { origin: "asc" } });
    expect(Object.fromEntries(origins.map((group) => [group.origin, group._count]))).toEqual({ OWN_REPORTING: 7, WIRE: 2, PRESS_RELEASE: 2 });
    // The live revisions say the same (readers and the publisher's page read those).
    const live = await db.articleRevision.findMany({ where: { liveFor: { status: "PUBLISHED" }, origin: { not: "OWN_REPORTING" } }, select: { origin: true, originSource: true } });
    expect(live.map((revision) => `${revision.origin} ${revision.originSource}`).sort()).toEqual(["PRESS_RELEASE 고양특례시", "PRESS_RELEASE 고양특례시", "WIRE 뉴시스", "WIRE 연합뉴스"]);
    // Every story that reached the desk has one; the unfinished draft not yet.
    expect(await db.article.count({ where: { origin: null } })).toBe(1);
    expect(await db.article.count({ where: { origin: null, status: { not: "DRAFT" } } })).toBe(0);
    const photos = await db.media.groupBy({ by: ["origin"], _count: true, orderBy: { origin: "asc" } });
    expect(Object.fromEntries(photos.map((group) => [group.origin, group._count]))).toEqual({ OWN: DEMO_STORIES.length - 2, WIRE: 1, HANDOUT: 1 });
  });

  it("has one open 반론보도 claim on a published story, with its clocks, intact evidence, history and the desk's label (the rights desk at work)", async () => {
    const claims = await db.rightsClaim.findMany({ include: { evidence: true, actions: { orderBy: { createdAt: "asc" } }, article: { select: { status: true, headline: true } } } });
    expect(claims).toHaveLength(1);
    const [claim] = claims;
    expect(claim).toMatchObject({ kind: "REPLY", status: "RECEIVED", labelShown: true, closedAt: null, article: { status: "PUBLISHED" } });
    expect(claim?.replyDueAt.getTime()).toBeGreaterThan(seededAt.getTime());
    expect(claim?.evidence?.headline).toBe(claim?.article?.headline);
    expect(claim?.evidence && evidenceIntact(claim.evidence)).toBe(true);
    expect(claim?.actions.map((step) => step.action)).toEqual(["receive", "flag"]);
    expect(await claimNoticeOnPage(claim?.articleId ?? 0)).toEqual({ labels: ["REPLY"], commentsHeld: false });
  });

  it("a second seed leaves the database alone", async () => {
    expect((await seedDemo(seededAt)).seeded).toBe(false);
    expect(await db.user.count()).toBe(4);
  });
});

describe("what readers may see", () => {
  it("lists only published stories, newest first, with the approved headline", async () => {
    const latest = await getLatestPublicArticles(50, seededAt);
    const published = DEMO_STORIES.filter((s) => s.status === "PUBLISHED").sort((a, b) => a.hoursAgo - b.hoursAgo);
    expect(latest.map((a) => a.headline)).toEqual(published.map((s) => s.headline));
  });

  it("a section page lists only that section's published stories", async () => {
    const section = await db.section.findUniqueOrThrow({ where: { slug: "local" } });
    const local = await getLatestStories({ limit: 50, now: seededAt, sectionId: section.id });
    const expected = DEMO_STORIES.filter((s) => s.status === "PUBLISHED" && s.section === "local").sort((a, b) => a.hoursAgo - b.hoursAgo);
    expect(local.map((a) => a.headline)).toEqual(expected.map((s) => s.headline));
    expect(new Set(local.map((a) => a.section?.name))).toEqual(new Set(["지역"]));
  });

  it("hides drafts, submitted and not-yet-due scheduled stories, even by id", async () => {
    const hidden = await db.article.findMany({ where: { status: { in: ["DRAFT", "SUBMITTED", "SCHEDULED"] } }, select: { id: true } });
    expect(hidden.length).toBe(DEMO_STORIES.filter((s) => s.status !== "PUBLISHED").length);
    for (const { id } of hidden) expect(await getPublicArticle(id, seededAt)).toBeNull();
  });

  it("a scheduled story appears by itself once its time has come", async () => {
    const scheduled = await db.article.findFirstOrThrow({ where: { status: "SCHEDULED" } });
    const due = new Date((scheduled.publishedAt ?? seededAt).getTime() + 1000);
    expect(await getPublicArticle(scheduled.id, seededAt)).toBeNull();
    expect(await getPublicArticle(scheduled.id, due)).not.toBeNull();
  });

  it("shows the live (approved) revision, not later edits to the working copy", async () => {
    const article = await db.article.findFirstOrThrow({ where: { status: "PUBLISHED" } });
    await db.article.update({ where: { id: article.id }, data: { headline: "아직 승인되지 않은 수정 제목", hasPendingUpdate: true } });
    const shown = await getPublicArticle(article.id, seededAt);
    expect(shown?.headline).toBe(article.headline);
  });
});
