// The embedded demo's 송고처 (lib/seed/demo-portal.ts): an active pull feed that has what readers
// see and gets each scheduled story when its time comes (through the job runner), and an IndexNow
// destination that stays off until the operator enables it.
import { afterAll, describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { startJobRunner, type RunningJobRunner } from "@/lib/jobs/job-runner";
import { portalTasks } from "@/lib/portal/portal-tasks";
import type { PortalJobPayloads } from "@/lib/portal/portal-queue";
import { DEMO_INDEXNOW_NAME, DEMO_PULL_NAME, seedDemoPortal } from "@/lib/seed/demo-portal";
import { seedDemo } from "../support/fixtures";

const quiet = { debug: () => undefined, warn: () => undefined, error: () => undefined };
let runner: RunningJobRunner | undefined;
afterAll(() => runner?.stop());

async function waitFor(condition: () => Promise<boolean>, what: string, timeoutMs = 30_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await condition())) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

describe("the demo's portal destinations", () => {
  it("has an active pull feed with the published stories and an IndexNow ping left off; scheduled stories follow at their time", async () => {
    const now = new Date();
    await seedDemo(now);
    expect(await seedDemoPortal(db, now)).toEqual({ seeded: true });
    expect(await seedDemoPortal(db, now)).toEqual({ seeded: false });

    const pull = await db.portalDestination.findUniqueOrThrow({ where: { name: DEMO_PULL_NAME }, select: { id: true, kind: true, active: true } });
    const indexNow = await db.portalDestination.findUniqueOrThrow({ where: { name: DEMO_INDEXNOW_NAME }, select: { id: true, kind: true, active: true, endpoint: true } });
    expect(pull).toMatchObject({ kind: "PULL", active: true });
    expect(indexNow).toMatchObject({ kind: "INDEXNOW", active: false, endpoint: expect.stringMatching(/^https:\/\//) });

    const published = await db.article.findMany({ where: { status: "PUBLISHED" }, select: { id: true } });
    const scheduled = await db.article.findMany({ where: { status: "SCHEDULED", publishedAt: { gt: now } }, select: { id: true } });
    expect(published.length).toBeGreaterThan(0);
    expect(scheduled.length).toBeGreaterThan(0);
    const sent = await db.portalTransmission.findMany({ where: { destinationId: pull.id }, select: { articleId: true, action: true, status: true } });
    expect(sent.map((row) => row.articleId).sort()).toEqual(published.map((story) => story.id).sort());
    expect(new Set(sent.map((row) => `${row.action} ${row.status}`))).toEqual(new Set(["NEW SENT"]));
    expect(await db.portalTransmission.count({ where: { destinationId: indexNow.id } })).toBe(0);

    // A scheduled story's time comes (brought forward here): the job runner puts it in the feed.
    const story = scheduled[0]!.id;
    const due = new Date(Date.now() - 1_000);
    await db.article.update({ where: { id: story }, data: { publishedAt: due } });
    await db.$executeRaw`UPDATE graphile_worker._private_jobs SET run_at = now() WHERE payload->>'articleId' = ${String(story)}`;
    runner = await startJobRunner<PortalJobPayloads>({ connectionString: process.env.DATABASE_URL ?? "", tasks: portalTasks(db), pollIntervalMs: 200, log: quiet });
    await waitFor(async () => (await db.portalTransmission.count({ where: { destinationId: pull.id, articleId: story, status: "SENT" } })) === 1, "the scheduled story in the feed");
    expect(await db.portalTransmission.count({ where: { destinationId: indexNow.id } })).toBe(0);
  });
});
