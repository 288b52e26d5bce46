// The planted stories (planted-stories.ts) in the shared e2e app's database, for one describe
// block: planted before its tests, removed after them. They are written straight into the
// database, so the domain events the workflow would write are written too: they are what drops
// the response cache's stale pages, on planting and on removal (other files expect the demo
// newsroom as it was).
import { afterAll, beforeAll, inject } from "vitest";
import { createPrismaClient, type Db } from "@/lib/db/client";
import { plantStories, removePlantedStories, type PlantedStories } from "./planted-stories";

export interface AppPlanting {
  /** The planted stories (there once the block's beforeAll has run). */
  readonly planted: PlantedStories;
  /** A client of the app's database. */
  readonly db: Db;
  /** Records domain events as the workflow would, so the app's caches drop what they change. */
  announce(type: string, payloads: Record<string, number>[]): Promise<unknown>;
}

/**
 * Waits until the app's cache has applied the announced events (they travel through LISTEN/NOTIFY):
 * the public control story's page is there, or gone. Its event is announced with the others, after
 * the first of them, and every one drops the lists of the newest stories, so by then no cached
 * page lists what was planted or removed before.
 */
async function untilTheAppShows(publishedId: number, state: "public" | "gone"): Promise<void> {
  // The address without its slug: a public story redirects to its canonical address (308).
  const url = `${inject("appBaseUrl")}/articles/${publishedId}`;
  const wanted = state === "public" ? 308 : 404;
  const deadline = Date.now() + 20_000;
  let status = 0;
  // A hook, where expect.poll is not allowed: the same wait, by hand.
  while ((status = (await fetch(url, { redirect: "manual" })).status) !== wanted) {
    if (Date.now() > deadline) throw new Error(`the app still answers ${status} for the planted control story ${publishedId} (expected ${wanted}): its cache did not apply the planting's events`);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

/** Call inside a describe block: registers the block's beforeAll and afterAll. */
export function plantStoriesInTheApp(databaseUrl: string): AppPlanting {
  let db: Db | undefined;
  let planted: PlantedStories | undefined;
  const ready = <T>(value: T | undefined): T => {
    if (value === undefined) throw new Error("the planted stories are there once the block's beforeAll has run");
    return value;
  };
  const planting: AppPlanting = {
    get planted() {
      return ready(planted);
    },
    get db() {
      return ready(db);
    },
    announce: (type, payloads) => ready(db).domainEvent.createMany({ data: payloads.map((payload) => ({ type, payload })) }),
  };

  beforeAll(async () => {
    db = createPrismaClient(databaseUrl);
    planted = await plantStories(db);
    await planting.announce("article.published", Object.values(planted.ids).map((articleId) => ({ articleId })));
    await planting.announce("section.changed", [{ sectionId: planted.sectionId }]);
    await untilTheAppShows(planted.ids.published, "public");
  });
  afterAll(async () => {
    if (db && planted) {
      await removePlantedStories(db, planted);
      await planting.announce("article.unpublished", Object.values(planted.ids).map((articleId) => ({ articleId })));
      await planting.announce("section.changed", [{ sectionId: planted.sectionId }]);
      // The next file must not be handed pages that still list them.
      await untilTheAppShows(planted.ids.published, "gone");
    }
    await db?.$disconnect();
  });
  return planting;
}
