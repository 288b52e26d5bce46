// The read-replica drills, over HTTP against the real app reading through a streaming replica
// (startFaultApp({ replica })): shared by the short run in `npm test` and `npm run test:faults`.
//   lag   the replica's replay is paused under reader load (cached pages and pages the response
//         cache never answers): every reader gets a 200, and a story published on the primary
//         meanwhile shows on its article page and the home page, and stays there;
//   down  the replica is stopped as by a crash (pg_ctl stop -m immediate) under the same load:
//         readers keep getting pages (from the primary), a story published meanwhile shows, and
//         once the replica is back, readers' queries go to it again.
import { DEMO_STAFF } from "@/lib/seed/demo-newsroom";
import type { FaultApp } from "./fault-app";
import { createDrafts, publishedStoryIds, query, readerPages, sleep, startReaders, type DrillResult } from "./fault-drills";
import { signInOverHttp, type ApiSession } from "./http-session";
import type { StreamingReplica } from "./streaming-replica";

/** How long a published story may take to show before the drill calls it a violation. */
const VISIBLE_WITHIN_MS = 15_000;

function replicaOf(app: FaultApp): StreamingReplica {
  if (!app.replica) throw new Error("the replica drills need startFaultApp({ replica })");
  return app.replica;
}

/** The app's own measure of the replica's lag (GET /metrics, allowed from loopback). */
async function reportedLagSeconds(app: FaultApp): Promise<number> {
  const text = await fetch(`${app.baseUrl}/metrics`).then((response) => response.text(), () => "");
  return Number(/^newsroom_db_replica_lag_seconds (\S+)$/m.exec(text)?.[1] ?? "NaN");
}

async function pageContains(url: string, text: string): Promise<boolean> {
  const response = await fetch(url, { signal: AbortSignal.timeout(10_000) }).catch(() => null);
  if (!response?.ok) return false;
  return (await response.text()).includes(text);
}

/** Milliseconds from `since` until `url` shows `text` (polled every 50 ms), or null after `giveUpMs`. */
async function msUntilShown(url: string, text: string, since: number, giveUpMs = VISIBLE_WITHIN_MS): Promise<number | null> {
  while (Date.now() - since < giveUpMs) {
    if (await pageContains(url, text)) return Date.now() - since;
    await sleep(50);
  }
  return null;
}

interface PublishedDuringFault {
  articleId: number;
  marker: string;
  approveStatus: number;
  articleVisibleMs: number | null;
  homeVisibleMs: number | null;
}

/**
 * A reporter's story, submitted and approved by the editor through the API while the fault
 * lasts; its article page and the home page are loaded first (so both are in the response cache,
 * the article as "not found"), then polled from the approval until the headline shows.
 */
async function publishDuringFault(app: FaultApp, reporter: ApiSession, editor: ApiSession, label: string): Promise<PublishedDuringFault> {
  const marker = `${label}${Date.now() % 1_000_000}`;
  const [articleId] = await createDrafts(reporter, 1, marker);
  const submitted = await reporter.request("POST", `/api/v1/articles/${articleId}/submit`);
  if (!submitted.ok) throw new Error(`submitting story ${articleId} answered ${submitted.status}`);
  const { article } = (await (await editor.request("GET", `/api/v1/articles/${articleId}`)).json()) as { article: { version: number } };
  const articleUrl = `${app.baseUrl}/articles/${articleId}`;
  const homeUrl = `${app.baseUrl}/`;
  for (const url of [articleUrl, homeUrl, articleUrl, homeUrl]) await fetch(url).then((response) => response.arrayBuffer(), () => null);
  const approvedAt = Date.now();
  const approved = await editor.request("POST", `/api/v1/articles/${articleId}/approve`, { version: article.version });
  const [articleVisibleMs, homeVisibleMs] = await Promise.all([msUntilShown(articleUrl, marker, approvedAt), msUntilShown(homeUrl, marker, approvedAt)]);
  return { articleId: articleId!, marker, approveStatus: approved.status, articleVisibleMs, homeVisibleMs };
}

/** Watches the story's article page and the home page until `until`: how often it was missing. */
async function timesMissingUntil(app: FaultApp, story: PublishedDuringFault, until: number): Promise<{ checks: number; missing: string[] }> {
  const missing: string[] = [];
  let checks = 0;
  while (Date.now() < until) {
    for (const [name, url] of [
      ["article", `${app.baseUrl}/articles/${story.articleId}`],
      ["home", `${app.baseUrl}/`],
    ] as const) {
      checks += 1;
      if (!(await pageContains(url, story.marker)) && missing.length < 5) missing.push(`${name} at ${new Date().toISOString().slice(11, 23)}`);
    }
    await sleep(250);
  }
  return { checks, missing };
}

/**
 * Whether readers' queries are answered by the replica right now: with its replay paused, a
 * story's live headline is changed on the primary behind the app's back (no domain event, so
 * nothing tells readers to wait for the replica); a page the response cache does not answer then
 * shows the old headline if, and only if, it was read from the replica. Replay resumes after.
 */
async function readersServedByReplica(app: FaultApp, storyId: number): Promise<boolean> {
  const replica = replicaOf(app);
  const page = await fetch(`${app.baseUrl}/articles/${storyId}`);
  await page.arrayBuffer();
  const path = new URL(page.url).pathname;
  const marker = `경로확인${Date.now() % 1_000_000}`;
  await replica.pauseReplay();
  try {
    await query(
      app.databaseUrl,
      `UPDATE "ArticleRevision" SET headline = $2 WHERE id = (SELECT "liveRevisionId" FROM "Article" WHERE id = $1)`,
      [storyId, marker],
    );
    // Asked at once: well within REPLICA_MAX_LAG_SECONDS, after which readers would leave the replica.
    const response = await fetch(`${app.baseUrl}${path}`, { headers: { rsc: "1" } });
    return !(await response.text()).includes(marker);
  } finally {
    await replica.resumeReplay();
    await replica.waitForReplay();
  }
}

/** Polls `readersServedByReplica` until true; milliseconds it took, or null after `giveUpMs`. */
async function msUntilReplicaServes(app: FaultApp, storyId: number, giveUpMs: number): Promise<number | null> {
  const startedAt = Date.now();
  while (Date.now() - startedAt < giveUpMs) {
    if (await readersServedByReplica(app, storyId)) return Date.now() - startedAt;
    await sleep(500);
  }
  return null;
}

function visibilityViolations(story: PublishedDuringFault, what: string): string[] {
  const violations: string[] = [];
  if (story.approveStatus !== 200) violations.push(`approving the story published ${what} answered ${story.approveStatus}`);
  if (story.articleVisibleMs === null) violations.push(`the story published ${what} did not show on its article page within ${VISIBLE_WITHIN_MS} ms`);
  if (story.homeVisibleMs === null) violations.push(`the story published ${what} did not show on the home page within ${VISIBLE_WITHIN_MS} ms`);
  return violations;
}

/** A story not among the reader pages (their cached copies stay as they are), for the routing check. */
async function routingProbeStory(app: FaultApp): Promise<number> {
  const stories = await publishedStoryIds(app);
  return stories.at(-1)!;
}

/**
 * The replica's replay paused for `lagMs` under `readers` reader loops (half of them on paths
 * the response cache never answers); a story published 1 s in; every reader answer a 200, the
 * story shown within the bound and never missing afterwards, readers back on the replica after.
 */
export async function replicaLagDrill(app: FaultApp, lagMs: number, readers = 4): Promise<DrillResult> {
  const replica = replicaOf(app);
  const violations: string[] = [];
  const reporter = await signInOverHttp(app.baseUrl, DEMO_STAFF.reporter.email, app.demoPassword);
  const editor = await signInOverHttp(app.baseUrl, DEMO_STAFF.editor.email, app.demoPassword);
  const probe = await routingProbeStory(app);
  const servedByReplicaBefore = await readersServedByReplica(app, probe);
  if (!servedByReplicaBefore) violations.push("before the drill, readers' queries were not answered by the replica");
  const pages = await readerPages(app);
  const load = startReaders(app.baseUrl, pages, readers, Math.floor(readers / 2));
  await sleep(1_000);

  await replica.pauseReplay();
  const pausedAt = Date.now();
  let maxReportedLag = 0;
  const lagSampler = setInterval(() => void reportedLagSeconds(app).then((lag) => (maxReportedLag = Math.max(maxReportedLag, lag || 0))), 500);
  let story: PublishedDuringFault | undefined;
  let watch = { checks: 0, missing: [] as string[] };
  try {
    await sleep(1_000);
    story = await publishDuringFault(app, reporter, editor, "복제지연");
    violations.push(...visibilityViolations(story, "while the replica lagged"));
    watch = await timesMissingUntil(app, story, pausedAt + lagMs);
  } finally {
    clearInterval(lagSampler);
    await replica.resumeReplay();
  }
  const resumedAt = Date.now();
  await replica.waitForReplay(30_000);
  const caughtUpMs = Date.now() - resumedAt;
  const afterResume = story ? await timesMissingUntil(app, story, Date.now() + 3_000) : { checks: 0, missing: [] };
  await load.stop();
  const resumeRoutingMs = await msUntilReplicaServes(app, probe, 20_000);

  if (watch.missing.length > 0) violations.push(`the published story went missing while the replica lagged: ${watch.missing.join(", ")}`);
  if (afterResume.missing.length > 0) violations.push(`the published story went missing after replay resumed: ${afterResume.missing.join(", ")}`);
  if (load.tally.failures > 0) violations.push(`${load.tally.failures} reader requests failed: ${load.tally.failuresSeen.join("; ")}`);
  if (resumeRoutingMs === null) violations.push("readers did not return to the replica within 20 s of it catching up");
  return {
    figures: {
      lagMs,
      readerRequests: load.tally.requests,
      readerOutcomes: JSON.stringify(load.tally.outcomes),
      readerFailures: load.tally.failures,
      maxReportedLagSeconds: Math.round(maxReportedLag * 10) / 10,
      articleVisibleMs: story?.articleVisibleMs ?? "never",
      homeVisibleMs: story?.homeVisibleMs ?? "never",
      visibilityChecksAfter: watch.checks + afterResume.checks,
      replayCaughtUpMs: caughtUpMs,
      backOnReplicaMs: resumeRoutingMs ?? "never",
    },
    violations,
  };
}

/**
 * The replica stopped as by a crash for `downMs` under reader load; a story published while it
 * is down; every reader answer a 200, the story shown, and readers back on the replica once it
 * has been started again and caught up.
 */
export async function replicaDownDrill(app: FaultApp, downMs: number, readers = 4): Promise<DrillResult> {
  const replica = replicaOf(app);
  const violations: string[] = [];
  const reporter = await signInOverHttp(app.baseUrl, DEMO_STAFF.reporter.email, app.demoPassword);
  const editor = await signInOverHttp(app.baseUrl, DEMO_STAFF.editor.email, app.demoPassword);
  const probe = await routingProbeStory(app);
  const pages = await readerPages(app);
  const load = startReaders(app.baseUrl, pages, readers, Math.floor(readers / 2));
  await sleep(1_000);

  await replica.crashReplica();
  const downAt = Date.now();
  let story: PublishedDuringFault | undefined;
  let readsWhileDown = 0;
  try {
    await sleep(1_000);
    story = await publishDuringFault(app, reporter, editor, "복제중단");
    violations.push(...visibilityViolations(story, "while the replica was down"));
    await sleep(Math.max(0, downAt + downMs - Date.now()));
    readsWhileDown = load.tally.requests;
  } finally {
    await replica.startReplica();
  }
  const restartedAt = Date.now();
  await replica.waitForReplay(30_000);
  const caughtUpMs = Date.now() - restartedAt;
  await sleep(1_000);
  await load.stop();
  const resumeRoutingMs = await msUntilReplicaServes(app, probe, 30_000);
  const stillShown = story ? (await pageContains(`${app.baseUrl}/articles/${story.articleId}`, story.marker)) && (await pageContains(`${app.baseUrl}/`, story.marker)) : false;

  if (load.tally.failures > 0) violations.push(`${load.tally.failures} reader requests failed: ${load.tally.failuresSeen.join("; ")}`);
  if (!stillShown) violations.push("the story published while the replica was down is missing after it came back");
  if (resumeRoutingMs === null) violations.push("readers did not return to the replica within 30 s of it coming back");
  return {
    figures: {
      downMs,
      readerRequests: load.tally.requests,
      readerRequestsWhileDown: readsWhileDown,
      readerOutcomes: JSON.stringify(load.tally.outcomes),
      readerFailures: load.tally.failures,
      articleVisibleMs: story?.articleVisibleMs ?? "never",
      homeVisibleMs: story?.homeVisibleMs ?? "never",
      replayCaughtUpMs: caughtUpMs,
      backOnReplicaMs: resumeRoutingMs ?? "never",
    },
    violations,
  };
}
