// The embedded demo's 송고처: an active pull feed, so the transmission log fills as the demo's
// scheduled stories publish, and an IndexNow destination left off (a demo machine cannot reach
// the search engines; the operator switches it on). Runs once, after the demo newsroom's seed:
// a database with a destination already is left alone.
import { randomBytes } from "node:crypto";
import type { Db } from "@/lib/db/client";
import { feedTokenHash } from "@/lib/portal/feed-token";
import { planLiveRevision } from "@/lib/portal/planning";
import { enqueuePlanAt } from "@/lib/portal/portal-queue";

export const DEMO_PULL_NAME = "데모 포털 (풀 피드)";
export const DEMO_INDEXNOW_NAME = "네이버 서치어드바이저 (IndexNow)";
const INDEXNOW_ENDPOINT = "https://searchadvisor.naver.com/indexnow";

export async function seedDemoPortal(db: Db, now = new Date()): Promise<{ seeded: boolean }> {
  if ((await db.portalDestination.count()) > 0) return { seeded: false };
  const sections = await db.section.findMany({ select: { id: true, name: true } });
  // The feed's token is kept only as a hash, as for any pull destination: an admin who wants the
  // demo feed's address saves a new secret on its page and sees the address once.
  const categories = { create: sections.map((section) => ({ sectionId: section.id, category: section.name })) };
  await db.$transaction(async (tx) => {
    await tx.portalDestination.create({ data: { name: DEMO_PULL_NAME, kind: "PULL", endpoint: "", feedFormat: "RSS", secret: feedTokenHash(randomBytes(24).toString("base64url")), active: true, categories } });
    await tx.portalDestination.create({ data: { name: DEMO_INDEXNOW_NAME, kind: "INDEXNOW", endpoint: INDEXNOW_ENDPOINT, secret: randomBytes(16).toString("hex"), active: false, categories } });
    const stories = await tx.article.findMany({ where: { status: { in: ["PUBLISHED", "SCHEDULED"] } }, select: { id: true, status: true, publishedAt: true }, orderBy: { publishedAt: "asc" } });
    for (const story of stories) {
      // What readers see already is in the feed; a story still to come is decided at its time by the job runner.
      if (story.publishedAt && story.publishedAt > now) await enqueuePlanAt(tx, story.id, story.publishedAt);
      else await planLiveRevision(tx, story.id, now);
    }
  });
  return { seeded: true };
}
