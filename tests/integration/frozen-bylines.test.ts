// A byline is part of the story the desk approved: name, title and byline e-mail are frozen into
// the revision when it goes live, so a later change of the person's profile (by an admin, or their
// own where allowed) moves no published story's sign-off, JSON-LD author, feed entry or list line
// until the desk approves the story again. Only admins change a name or byline e-mail, and no two
// active staff share a byline name.
import { cp, mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import pg from "pg";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { getLatestStories } from "@/lib/articles/public/public-lists";
import { getPublicArticle } from "@/lib/articles/public/public-queries";
import { approveArticle } from "@/lib/articles/workflow/transitions";
import type { StaffUser } from "@/lib/auth/staff-user";
import { db } from "@/lib/db";
import { applyMigrations, DEFAULT_MIGRATIONS_DIR } from "@/lib/db/migrations";
import { buildStoryFeed } from "@/lib/feeds/story-feed";
import { articleJsonLd } from "@/lib/seo/article-metadata";
import { createStaffMember, setStaffActive, updateStaffMember } from "@/lib/staff/manage-staff";
import { updateOwnProfile } from "@/lib/staff/own-account";
import { plantStories, type PlantedStories } from "../support/planted-stories";
import { createStaff } from "../support/staff-fixtures";
import { databaseUrl, dropDatabase } from "../support/test-cluster";

let planted: PlantedStories;
let admin: StaffUser;
let editor: StaffUser;

beforeAll(async () => {
  planted = await plantStories(db);
  admin = await createStaff("ADMIN", { name: `관리자${planted.publishedMarker}` });
  editor = await createStaff("EDITOR", { name: `데스크${planted.publishedMarker}` });
});

/** Everything public that names the writer of the planted published story. */
async function whatReadersSee() {
  const article = await getPublicArticle(planted.ids.published);
  if (!article) throw new Error("the planted published story is not public");
  const feed = await buildStoryFeed({});
  const feedItem = feed.split("<item>").find((item) => item.includes(`/articles/${planted.ids.published}/`)) ?? "";
  const listed = (await getLatestStories({ limit: 50 })).find((story) => story.id === planted.ids.published);
  return { bylines: article.bylines, jsonLdAuthor: articleJsonLd(article).author, feedItem, listedAuthor: listed?.author };
}

describe("a byline is frozen when the desk approves", () => {
  it("an admin's change of a reporter's name, title and byline e-mail leaves published stories as approved, until the desk approves again", async () => {
    const before = await whatReadersSee();
    expect(before.bylines[0]?.bylineEmail).toBe(`planted-${planted.publishedMarker.slice(-8)}@nuri-ilbo.test`);
    await updateStaffMember(admin, planted.authorId, { name: `바뀐이름${planted.publishedMarker.slice(-4)}`, title: "선임기자", bylineEmail: "tips@elsewhere.example" });
    const after = await whatReadersSee();
    expect(after).toEqual(before);
    expect(JSON.stringify(after)).not.toContain("tips@elsewhere.example");

    // The desk approving an update of the story puts the byline of that moment on it.
    const story = await db.article.findUniqueOrThrow({ where: { id: planted.ids.pendingUpdate }, select: { version: true } });
    await approveArticle(editor, planted.ids.pendingUpdate, { version: story.version });
    const reapproved = await getPublicArticle(planted.ids.pendingUpdate);
    expect(reapproved?.bylines.map((person) => [person.name, person.title, person.bylineEmail])).toEqual([[`바뀐이름${planted.publishedMarker.slice(-4)}`, "선임기자", "tips@elsewhere.example"]]);
    // ... and only on that story.
    expect(await whatReadersSee()).toEqual(before);
  });
});

describe("who may change a byline name or e-mail", () => {
  it("a reporter or an editor may not change their own name or byline e-mail (an admin does it), but may change the rest", async () => {
    for (const role of ["REPORTER", "EDITOR"] as const) {
      const person = await createStaff(role);
      for (const input of [{ name: `${person.name}2` }, { bylineEmail: "me@elsewhere.example" }]) {
        await expect(updateOwnProfile(person, input)).rejects.toMatchObject({ code: "FORBIDDEN", message: expect.stringMatching(/관리자/) });
      }
      // Sending the current values back (a whole form) is no change.
      await expect(updateOwnProfile(person, { name: person.name, bio: "새 소개" })).resolves.toMatchObject({ bio: "새 소개", name: person.name });
    }
  });

  it("an admin may change their own, within the same rules", async () => {
    const self = await createStaff("ADMIN", { name: `국장${planted.publishedMarker.slice(-5)}` });
    await expect(updateOwnProfile(self, { name: `${self.name}2`, bylineEmail: "chief@nuri-ilbo.test" })).resolves.toMatchObject({ name: `${self.name}2` });
  });
});

describe("no two active staff share a byline name", () => {
  const run = Date.now().toString(36);
  // With a Latin "s": the comparison strips whitespace, and must not take an "s" for it.
  const name = `동명이인Kims${run}`;
  const email = (label: string) => `${label}-${run}-${Math.random().toString(36).slice(2, 8)}@test.newsroom`;

  it("creating, renaming or reactivating into a name an active colleague has is refused in Korean", async () => {
    const { user: first } = await createStaffMember(admin, { name, email: email("same"), role: "REPORTER", title: "기자" });
    const refusal = { code: "CONFLICT", message: expect.stringContaining("같은 이름") };
    // Spaces, letter width and case do not make a different byline.
    for (const variant of [name, ` ${name} `, name.split("").join(" ")]) {
      await expect(createStaffMember(admin, { name: variant, email: email("same"), role: "REPORTER", title: "인턴기자" })).rejects.toMatchObject(refusal);
    }
    const other = await createStaff("REPORTER");
    await expect(updateStaffMember(admin, other.id, { name })).rejects.toMatchObject(refusal);
    const adminSelf = await createStaff("ADMIN");
    await expect(updateOwnProfile(adminSelf, { name })).rejects.toMatchObject(refusal);
    // Keeping one's own name is no clash.
    await expect(updateStaffMember(admin, first.id, { name, title: "선임기자" })).resolves.toMatchObject({ name });

    // A deactivated colleague's name is free; they cannot come back while someone else has it.
    await setStaffActive(admin, first.id, false);
    const { user: second } = await createStaffMember(admin, { name, email: email("same"), role: "REPORTER", title: "기자" });
    await expect(setStaffActive(admin, first.id, true)).rejects.toMatchObject(refusal);
    await setStaffActive(admin, second.id, false);
    await expect(setStaffActive(admin, first.id, true)).resolves.toBeUndefined();
  });

  it("two admins creating the same name at once: one wins", async () => {
    const racing = `경쟁Sims${run}`;
    const outcomes = await Promise.allSettled([1, 2, 3].map(() => createStaffMember(admin, { name: racing, email: email("race"), role: "REPORTER", title: "기자" })));
    expect(outcomes.filter((outcome) => outcome.status === "fulfilled")).toHaveLength(1);
    expect(await db.user.count({ where: { name: racing, active: true } })).toBe(1);
  });
});

describe("the migration", () => {
  const adminUrl = inject("testDatabaseAdminUrl");
  const name = `bylines_${Date.now()}`;
  const url = databaseUrl(adminUrl, name);
  afterAll(() => dropDatabase(adminUrl, name));

  it("freezes the current author's byline into every story that was already live", async () => {
    const admin = new pg.Client({ connectionString: adminUrl });
    await admin.connect();
    await admin.query(`CREATE DATABASE ${name}`);
    await admin.end();
    // The database as it was before bylines were frozen: every migration up to that one.
    const dir = await mkdtemp(path.join(tmpdir(), "migrations-before-bylines-"));
    try {
      await cp(DEFAULT_MIGRATIONS_DIR, dir, { recursive: true, filter: (source) => !/20261207010[0-9]00_/.test(source) });
      await applyMigrations(url, { dir });
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
    const client = new pg.Client({ connectionString: url });
    await client.connect();
    try {
      await client.query(`INSERT INTO "User" (id, email, name, "passwordHash", title, "bylineEmail", "updatedAt") VALUES
        ('u1', 'a@test', '김기자', 'x', '기자', 'kim@nuri-ilbo.test', now()), ('u2', 'b@test', '이기자', 'x', '인턴기자', NULL, now())`);
      await client.query(`INSERT INTO "Article" (id, headline, slug, "bodyJson", status, "authorId", "publishedAt", "updatedAt") VALUES
        (1, '발행', 's', '{}', 'PUBLISHED', 'u1', now(), now()), (2, '초안', 's', '{}', 'DRAFT', 'u1', NULL, now())`);
      await client.query(`INSERT INTO "ArticleCoAuthor" ("articleId", "userId", "sortOrder") VALUES (1, 'u2', 0)`);
      await client.query(`INSERT INTO "ArticleRevision" (id, "articleId", number, kind, "articleVersion", headline, "bodyJson", "bodyHtml", "bodyText", "createdById")
        VALUES ('r1', 1, 1, 'APPROVE', 1, '발행', '{}', '', '', 'u1'), ('r2', 2, 1, 'SAVE', 1, '초안', '{}', '', '', 'u1')`);
      await client.query(`UPDATE "Article" SET "liveRevisionId" = 'r1' WHERE id = 1`);
      await applyMigrations(url);
      const { rows } = await client.query(`SELECT "revisionId", position, "userId", name, title, "bylineEmail" FROM "ArticleRevisionByline" ORDER BY "revisionId", position`);
      expect(rows).toEqual([
        { revisionId: "r1", position: 0, userId: "u1", name: "김기자", title: "기자", bylineEmail: "kim@nuri-ilbo.test" },
        { revisionId: "r1", position: 1, userId: "u2", name: "이기자", title: "인턴기자", bylineEmail: null },
      ]);
    } finally {
      await client.end();
    }
  });
});
