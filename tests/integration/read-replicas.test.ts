// Readers' queries on a real streaming replica (tests/support/streaming-replica.ts): they are
// served by the replica (a story published on the primary is not seen while the replica's replay
// is paused), a replica further behind than REPLICA_MAX_LAG_SECONDS is skipped, and a stopped
// replica makes readers fall back to the primary, never to an error. Staff reads stay on the
// primary throughout.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { getLatestStories } from "@/lib/articles/public/public-lists";
import { getPublicArticle } from "@/lib/articles/public/public-queries";
import { listPublicComments } from "@/lib/comments/list-comments";
import { resetServerEnv } from "@/lib/config/env";
import { db } from "@/lib/db";
import type { Db } from "@/lib/db/client";
import { holdReadersUntilReplayed, type ReaderClients } from "@/lib/db/read-replicas";
import { applyMigrations } from "@/lib/db/migrations";
import { metrics } from "@/lib/observability/metrics";
import { expectNoPlantedStory, plantStories } from "../support/planted-stories";
import { createArticle, createStaff } from "../support/staff-fixtures";
import { startStreamingReplica, type StreamingReplica } from "../support/streaming-replica";

let cluster: StreamingReplica;
let authorId: string;
const holder = globalThis as unknown as { newsroomDb?: Db; newsroomReaders?: ReaderClients | null };
const readers = () => holder.newsroomReaders ?? undefined;

/** Waits until the readers' lag measure (taken every second) satisfies `check`. */
async function waitForLag(check: (lag: number) => boolean, timeoutMs = 15_000): Promise<number> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const lag = readers()?.routes[0]?.lagSeconds ?? -1;
    if (check(lag)) return lag;
    if (Date.now() > deadline) throw new Error(`replica lag stayed at ${lag}`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

beforeAll(async () => {
  cluster = await startStreamingReplica();
  await applyMigrations(cluster.primaryUrl("newsroom"));
  // Before lib/db.ts makes its clients (lazily, on first use): this file's primary and replica.
  process.env.DATABASE_URL = cluster.primaryUrl("newsroom");
  process.env.DATABASE_REPLICA_URLS = cluster.replicaUrl("newsroom");
  process.env.REPLICA_MAX_LAG_SECONDS = "3";
  resetServerEnv();
  authorId = (await createStaff("REPORTER")).id;
  await cluster.waitForReplay();
}, 60_000);

afterAll(async () => {
  await readers()?.stop();
  holder.newsroomReaders = undefined;
  await holder.newsroomDb?.$disconnect();
  holder.newsroomDb = undefined;
  delete process.env.DATABASE_REPLICA_URLS;
  delete process.env.REPLICA_MAX_LAG_SECONDS;
  await cluster?.stop();
}, 60_000);

describe("readers on a streaming replica", () => {
  it("readers' queries are answered by the replica; staff reads by the primary", async () => {
    await cluster.pauseReplay();
    try {
      const story = await createArticle(authorId, "PUBLISHED");
      // Staff (db) read the primary: the story is there at once.
      expect(await db.article.findUnique({ where: { id: story.id }, select: { id: true } })).not.toBeNull();
      // Readers read the replica, whose replay is paused: not yet.
      expect(await getPublicArticle(story.id)).toBeNull();
      expect((await getLatestStories({ limit: 50 })).map((summary) => summary.id)).not.toContain(story.id);
      await cluster.resumeReplay();
      await cluster.waitForReplay();
      expect((await getPublicArticle(story.id))?.headline).toBe(story.headline);
      expect((await getLatestStories({ limit: 50 })).map((summary) => summary.id)).toContain(story.id);
    } finally {
      await cluster.resumeReplay();
    }
  });

  it("an announced change (what the cache invalidation listener calls) keeps readers on the primary until the replica has replayed it", async () => {
    await cluster.pauseReplay();
    try {
      const story = await createArticle(authorId, "PUBLISHED");
      expect(await getPublicArticle(story.id)).toBeNull(); // not announced yet: the paused replica answers
      holdReadersUntilReplayed();
      // A page re-rendered now (its cached copy just dropped) is built from the primary.
      expect((await getPublicArticle(story.id))?.headline).toBe(story.headline);
      expect(readers()?.routes[0]?.usable()).toBe(false);
      await cluster.resumeReplay();
      const deadline = Date.now() + 10_000;
      while (!readers()?.routes[0]?.usable() && Date.now() < deadline) await new Promise((resolve) => setTimeout(resolve, 20));
      expect(readers()?.routes[0]?.usable()).toBe(true);
      expect((await getPublicArticle(story.id))?.headline).toBe(story.headline);
    } finally {
      await cluster.resumeReplay();
    }
  });

  it("the replica keeps the public filters: stories that must not be public stay hidden", async () => {
    const planted = await plantStories(db);
    await cluster.waitForReplay();
    const latest = await getLatestStories({ limit: 100 });
    expect(latest.map((summary) => summary.id)).toContain(planted.ids.published);
    expectNoPlantedStory(planted, JSON.stringify(latest), "the latest stories read on the replica");
  });

  it("a replica further behind than REPLICA_MAX_LAG_SECONDS is skipped: readers read the primary", async () => {
    await cluster.pauseReplay();
    try {
      const story = await createArticle(authorId, "PUBLISHED");
      expect(await getPublicArticle(story.id)).toBeNull(); // lagging, within the bound: the replica
      const lag = await waitForLag((seconds) => seconds > 3);
      expect((await metrics().replicaLag.get()).values[0]?.value).toBeGreaterThan(3);
      expect(lag).toBeGreaterThan(3);
      // Past the bound: the story is seen, from the primary, with no error.
      expect((await getPublicArticle(story.id))?.headline).toBe(story.headline);
      await cluster.resumeReplay();
      await waitForLag((seconds) => seconds === 0);
      expect(readers()?.routes[0]?.usable()).toBe(true);
    } finally {
      await cluster.resumeReplay();
    }
  });

  it("a stopped replica: readers fall back to the primary (Prisma queries and raw comment lists), then return to it", async () => {
    await cluster.stopReplica();
    try {
      const story = await createArticle(authorId, "PUBLISHED");
      expect((await getPublicArticle(story.id))?.headline).toBe(story.headline);
      expect((await getLatestStories({ limit: 50 })).map((summary) => summary.id)).toContain(story.id);
      const comments = await listPublicComments(story.id, {});
      expect(comments.count).toBe(0);
      expect(readers()?.routes[0]?.usable()).toBe(false);
    } finally {
      await cluster.startReplica();
    }
    await cluster.waitForReplay();
    // Tried again after a few seconds; the lag measure finds it caught up.
    const deadline = Date.now() + 15_000;
    while (!readers()?.routes[0]?.usable() && Date.now() < deadline) await new Promise((resolve) => setTimeout(resolve, 200));
    expect(readers()?.routes[0]?.usable()).toBe(true);
    await cluster.pauseReplay();
    try {
      const hidden = await createArticle(authorId, "PUBLISHED");
      expect(await getPublicArticle(hidden.id)).toBeNull(); // the replica serves readers again
    } finally {
      await cluster.resumeReplay();
    }
  });
});
