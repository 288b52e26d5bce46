// The planted stories (planted-stories.ts) in the shared e2e app's database, for one describe
// block: planted before its tests, removed after them. They are written straight into the
// database, so the domain events the workflow would write are written too: they are what drops
// the response cache's stale pages, on planting and on removal (other files expect the demo
// newsroom as it was).
import { afterAll, beforeAll } from "vitest";
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
    // Invalidation travels through LISTEN/NOTIFY: give it a moment.
    await new Promise((resolve) => setTimeout(resolve, 500));
  });
  afterAll(async () => {
    if (db && planted) {
      await removePlantedStories(db, planted);
      await planting.announce("article.unpublished", Object.values(planted.ids).map((articleId) => ({ articleId })));
      await planting.announce("section.changed", [{ sectionId: planted.sectionId }]);
    }
    await db?.$disconnect();
  });
  return planting;
}
