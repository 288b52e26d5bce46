// The fault drills, shared by the short run in `npm test` (tests/e2e/faults.test.ts) and the full
// one (`npm run test:faults`, scripts/faults.ts). Each returns its figures and the violations it
// found (an empty list is a pass); the callers assert or write them down.
import { execFileSync } from "node:child_process";
import { createHash } from "node:crypto";
import { readdir, readFile } from "node:fs/promises";
import path from "node:path";
import pg from "pg";
import sharp from "sharp";
import { DATABASE_UNAVAILABLE_MESSAGE } from "@/lib/db/prisma-errors";
import { MEDIA_STORE_UNAVAILABLE_MESSAGE } from "@/lib/media/storage-errors";
import { DEMO_STAFF } from "@/lib/seed/demo-newsroom";
import type { FaultApp } from "./fault-app";
import { signInOverHttp, type ApiSession } from "./http-session";
import { loopbackRequest } from "./loopback-client";
import { rssTrend } from "./memory-trend";

export interface DrillResult {
  figures: Record<string, number | string>;
  violations: string[];
  /** Why the drill did not run (then it neither passed nor failed). */
  skipped?: string;
}

export const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

export async function query<T extends pg.QueryResultRow>(databaseUrl: string, sql: string, params: unknown[] = []): Promise<T[]> {
  const client = new pg.Client({ connectionString: databaseUrl });
  await client.connect();
  try {
    return (await client.query<T>(sql, params)).rows;
  } finally {
    await client.end();
  }
}

/** A distinct loopback address per index (127.block.x.y), so each poster is its own comment source. */
const sourceAddress = (index: number, block: number) => `127.${block}.${Math.floor(index / 250)}.${(index % 250) + 1}`;
// Each drill run takes fresh addresses: a source reused from an earlier run would meet the hourly
// per-story limit and be refused, which is not what the drills are about.
let lastBlock = 9;
const freshBlock = () => (lastBlock = lastBlock >= 250 ? 10 : lastBlock + 1);

function postComment(baseUrl: string, articleId: number, from: string, text: string) {
  return loopbackRequest(`${baseUrl}/api/v1/articles/${articleId}/comments`, {
    localAddress: from,
    method: "POST",
    headers: { "content-type": "application/json", origin: baseUrl },
    body: JSON.stringify({ nickname: "장애시험", password: "1234", body: text }),
  });
}

export async function publishedStoryIds(app: FaultApp): Promise<number[]> {
  const rows = await query<{ id: number }>(app.databaseUrl, `SELECT id FROM "Article" WHERE status = 'PUBLISHED' AND "commentsClosed" = false ORDER BY id LIMIT 10`);
  return rows.map((row) => row.id);
}

export async function createDrafts(reporter: ApiSession, count: number, label: string): Promise<number[]> {
  const { sections } = (await (await reporter.request("GET", "/api/v1/sections")).json()) as { sections: { id: number }[] };
  const ids: number[] = [];
  for (let i = 0; i < count; i += 1) {
    const created = await reporter.request("POST", "/api/v1/articles", {
      headline: `${label} 시험 기사 ${i}`,
      sectionId: sections[0]?.id,
      origin: "OWN_REPORTING",
      body: { type: "doc", content: [{ type: "paragraph", content: [{ type: "text", text: "장애 시험 본문입니다. ".repeat(20) }] }] },
    });
    if (created.status !== 201) throw new Error(`could not create a draft: ${created.status} ${await created.text()}`);
    ids.push(((await created.json()) as { article: { id: number } }).article.id);
  }
  return ids;
}

/**
 * SIGKILL in the middle of `operations` concurrent saves, submissions and comment posts; after a
 * restart every save and submission is whole (revision, audit record, domain event, all or none)
 * and every acknowledged one is there, and so is every acknowledged comment.
 */
export async function killDuringWritesDrill(app: FaultApp, operations: number): Promise<DrillResult> {
  const violations: string[] = [];
  const reporter = await signInOverHttp(app.baseUrl, DEMO_STAFF.reporter.email, app.demoPassword);
  const drafts = await createDrafts(reporter, Math.max(4, Math.round(operations / 10)), "강제종료");
  const stories = await publishedStoryIds(app);
  // Each route answered once before the storm, so the kill does not land while code is still loading.
  const [spare] = await createDrafts(reporter, 1, "예열");
  await reporter.request("PATCH", `/api/v1/articles/${spare}`, { version: 1, headline: "예열 저장" });
  await reporter.request("POST", `/api/v1/articles/${spare}/submit`);
  await postComment(app.baseUrl, stories[0]!, sourceAddress(0, freshBlock()), "예열 댓글입니다");
  const since = (await query<{ now: Date }>(app.databaseUrl, "SELECT now()"))[0]!.now;
  const block = freshBlock();

  const ackedSaves: { articleId: number; version: number; headline: string }[] = [];
  const ackedSubmits: number[] = [];
  const ackedComments: number[] = [];
  let answered = 0;
  let refused = 0;
  let cut = 0;
  // Half the stories are saved over and over (each a chain of saves, each from the version the
  // last one returned), the other half are submitted (several racing submissions each: one wins).
  const saved = drafts.slice(0, Math.ceil(drafts.length / 2));
  const submitted = drafts.slice(saved.length);
  const versions = new Map(saved.map((id) => [id, 1]));
  const chains = new Map<number, Promise<void>>();
  const attempt = async (run: () => Promise<void>) => {
    try {
      await run();
      answered += 1;
    } catch {
      cut += 1; // the connection died with the app: not acknowledged
    }
  };
  const work = Array.from({ length: operations }, (_, i) => {
    if (i % 3 === 0) {
      const articleId = saved[(i / 3) % saved.length]!;
      const chain = (chains.get(articleId) ?? Promise.resolve()).then(() =>
        attempt(async () => {
          const headline = `강제종료 저장 ${i}`;
          const response = await reporter.request("PATCH", `/api/v1/articles/${articleId}`, { version: versions.get(articleId), headline });
          if (!response.ok) return void (refused += 1);
          const { version } = ((await response.json()) as { article: { version: number } }).article;
          versions.set(articleId, version);
          ackedSaves.push({ articleId, version, headline });
        }),
      );
      chains.set(articleId, chain);
      return chain;
    }
    if (i % 3 === 1) {
      const articleId = submitted[i % submitted.length]!;
      return attempt(async () => {
        const response = await reporter.request("POST", `/api/v1/articles/${articleId}/submit`);
        if (response.ok) ackedSubmits.push(articleId);
        else refused += 1;
      });
    }
    return attempt(async () => {
      const response = await postComment(app.baseUrl, stories[i % stories.length]!, sourceAddress(i, block), `강제종료 중에 쓴 댓글 ${i}번`);
      if (response.status === 201 || response.status === 202) ackedComments.push((JSON.parse(response.text) as { comment: { id: number } }).comment.id);
      else refused += 1;
    });
  });
  // Killed once some answers are out, at least one save and one comment among them (the slowest
  // kinds), while most requests are still in flight.
  const startedAt = Date.now();
  const enoughAnswered = () => answered >= operations * 0.15 && ackedSaves.length > 0 && ackedComments.length > 0;
  while (!enoughAnswered() && answered + cut < operations && Date.now() - startedAt < 15_000) await sleep(5);
  const killedAfterMs = Date.now() - startedAt;
  await app.killApp();
  await Promise.all(work);
  if (cut === 0) violations.push("the kill came after every request had been answered: nothing was in flight");
  const restartAt = Date.now();
  await app.startApp();
  const restartMs = Date.now() - restartAt;

  for (const save of ackedSaves) {
    const rows = await query(app.databaseUrl, `SELECT 1 FROM "ArticleRevision" WHERE "articleId" = $1 AND "articleVersion" = $2 AND kind = 'SAVE' AND headline = $3`, [save.articleId, save.version, save.headline]);
    if (rows.length !== 1) violations.push(`acknowledged save of story ${save.articleId} (version ${save.version}) has no revision`);
  }
  for (const articleId of ackedSubmits) {
    const rows = await query(app.databaseUrl, `SELECT 1 FROM "ArticleRevision" WHERE "articleId" = $1 AND kind = 'SUBMIT'`, [articleId]);
    if (rows.length === 0) violations.push(`acknowledged submission of story ${articleId} has no revision`);
  }
  const comments = await query<{ id: number }>(app.databaseUrl, `SELECT id FROM "Comment" WHERE id = ANY($1::int[])`, [ackedComments]);
  if (comments.length !== ackedComments.length) violations.push(`${ackedComments.length - comments.length} acknowledged comments are missing`);

  // All or nothing, for acknowledged and cut-off requests alike: as many revisions as events as audit records.
  for (const articleId of drafts) {
    const [counts] = await query<{ saves: number; savedEvents: number; saveAudits: number; submits: number; submittedEvents: number; submitAudits: number }>(
      app.databaseUrl,
      `SELECT
        (SELECT count(*)::int FROM "ArticleRevision" WHERE "articleId" = $1 AND kind = 'SAVE' AND "createdAt" >= $2) AS "saves",
        (SELECT count(*)::int FROM "DomainEvent" WHERE type = 'article.saved' AND (payload->>'articleId')::int = $1 AND "createdAt" >= $2) AS "savedEvents",
        (SELECT count(*)::int FROM "AuditLog" WHERE action = 'article.save' AND "targetId" = $3 AND "createdAt" >= $2) AS "saveAudits",
        (SELECT count(*)::int FROM "ArticleRevision" WHERE "articleId" = $1 AND kind = 'SUBMIT' AND "createdAt" >= $2) AS "submits",
        (SELECT count(*)::int FROM "DomainEvent" WHERE type = 'article.submitted' AND (payload->>'articleId')::int = $1 AND "createdAt" >= $2) AS "submittedEvents",
        (SELECT count(*)::int FROM "AuditLog" WHERE action = 'article.submit' AND "targetId" = $3 AND "createdAt" >= $2) AS "submitAudits"`,
      [articleId, since, String(articleId)],
    );
    if (!counts) continue;
    if (counts.saves !== counts.savedEvents || counts.saves !== counts.saveAudits) violations.push(`story ${articleId}: ${counts.saves} save revisions, ${counts.savedEvents} events, ${counts.saveAudits} audit records`);
    if (counts.submits !== counts.submittedEvents || counts.submits !== counts.submitAudits) violations.push(`story ${articleId}: ${counts.submits} submit revisions, ${counts.submittedEvents} events, ${counts.submitAudits} audit records`);
  }
  const [postedEvents] = await query<{ missing: number }>(
    app.databaseUrl,
    `SELECT count(*)::int AS missing FROM "Comment" c WHERE c."createdAt" >= $1 AND NOT EXISTS (SELECT 1 FROM "DomainEvent" e WHERE e.type = 'comment.posted' AND (e.payload->>'commentId')::int = c.id)`,
    [since],
  );
  if (postedEvents && postedEvents.missing > 0) violations.push(`${postedEvents.missing} comments without their comment.posted event`);

  return {
    figures: {
      operations,
      killedAfterMs,
      answeredBeforeKill: answered,
      acknowledgedSaves: ackedSaves.length,
      acknowledgedSubmits: ackedSubmits.length,
      acknowledgedComments: ackedComments.length,
      refusedAnswers: refused,
      cutOffByKill: cut,
      restartMs,
    },
    violations,
  };
}

/**
 * Readers loop over `pages` until stopped; every answer's status and cache outcome is counted.
 * With `uncachedLoops`, that many of the loops ask as a client-side navigation does (an `rsc`
 * header), which the response cache never answers: every such page is rendered from the database.
 */
export function startReaders(baseUrl: string, pages: string[], concurrency: number, uncachedLoops = 0) {
  let running = true;
  const tally = { requests: 0, failures: 0, stale: 0, failuresSeen: [] as string[], outcomes: {} as Record<string, number> };
  const loops = Array.from({ length: concurrency }, async (_, n) => {
    const headers: Record<string, string> = n < uncachedLoops ? { rsc: "1" } : {};
    for (let i = n; running; i += 1) {
      const page = pages[i % pages.length]!;
      try {
        const response = await fetch(`${baseUrl}${page}`, { headers, signal: AbortSignal.timeout(10_000) });
        await response.arrayBuffer();
        tally.requests += 1;
        // No x-cache header: the response cache did not answer (an rsc request goes straight to Next.js).
        const outcome = response.headers.get("x-cache") ?? "UNCACHED";
        tally.outcomes[outcome] = (tally.outcomes[outcome] ?? 0) + 1;
        if (outcome === "STALE") tally.stale += 1;
        if (response.status !== 200) {
          tally.failures += 1;
          if (tally.failuresSeen.length < 5) tally.failuresSeen.push(`${page}: ${response.status}`);
        }
      } catch (error) {
        tally.failures += 1;
        if (tally.failuresSeen.length < 5) tally.failuresSeen.push(`${page}: ${String(error)}`);
      }
    }
  });
  return {
    tally,
    stop: async () => {
      running = false;
      await Promise.all(loops);
    },
  };
}

export async function readerPages(app: FaultApp): Promise<string[]> {
  const stories = await publishedStoryIds(app);
  const pages = ["/", "/sections/politics", "/sections/economy", ...stories.slice(0, 5).map((id) => `/articles/${id}`)];
  // Article URLs redirect to their slugged form: keep the final ones, warmed into the cache.
  const final: string[] = [];
  for (const page of pages) {
    const response = await fetch(`${app.baseUrl}${page}`);
    await response.arrayBuffer();
    if (response.status === 200) final.push(new URL(response.url).pathname);
    await (await fetch(`${app.baseUrl}${new URL(response.url).pathname}`)).arrayBuffer();
  }
  return final;
}

/**
 * PostgreSQL stopped for `downMs` under reader load: readers keep getting pages, /api/health says
 * 503 while it is down and 200 after, staff writes get a Korean 503, the app recovers by itself,
 * and every comment acknowledged around the outage is kept.
 */
export async function databaseOutageDrill(app: FaultApp, downMs: number, readers = 6): Promise<DrillResult> {
  const violations: string[] = [];
  const reporter = await signInOverHttp(app.baseUrl, DEMO_STAFF.reporter.email, app.demoPassword);
  const [draft] = await createDrafts(reporter, 1, "장애");
  const stories = await publishedStoryIds(app);
  const pages = await readerPages(app);
  const acked: number[] = [];
  const block = freshBlock();
  let posts = 0;
  let posting = true;
  const poster = (async () => {
    for (let i = 0; posting; i += 1) {
      posts += 1;
      const answer = await postComment(app.baseUrl, stories[i % stories.length]!, sourceAddress(i, block), `장애 중 댓글 ${i}번`).catch(() => null);
      if (answer && (answer.status === 201 || answer.status === 202)) acked.push((JSON.parse(answer.text) as { comment: { id: number } }).comment.id);
      await sleep(200);
    }
  })();
  const load = startReaders(app.baseUrl, pages, readers);
  await sleep(1_000);

  await app.stopDatabase();
  const downAt = Date.now();
  const healthWhileDown = new Map<number, number>();
  let writeWhileDown: { status: number; message: string } | undefined;
  while (Date.now() - downAt < downMs) {
    const health = await fetch(`${app.baseUrl}/api/health`).then((r) => r.status, () => 0);
    healthWhileDown.set(health, (healthWhileDown.get(health) ?? 0) + 1);
    if (!writeWhileDown && Date.now() - downAt > 1_000) {
      const response = await reporter.request("PATCH", `/api/v1/articles/${draft}`, { version: 1, headline: "장애 중 저장" });
      writeWhileDown = { status: response.status, message: ((await response.json().catch(() => ({}))) as { error?: { message?: string } }).error?.message ?? "" };
    }
    await sleep(500);
  }
  const readsDuringOutage = { ...load.tally };
  await app.startDatabase();
  const upAt = Date.now();
  while ((await fetch(`${app.baseUrl}/api/health`).then((r) => r.status, () => 0)) !== 200) {
    if (Date.now() - upAt > 30_000) {
      violations.push("/api/health did not answer 200 within 30 s of the database coming back");
      break;
    }
    await sleep(200);
  }
  const recoveryMs = Date.now() - upAt;
  const writeAfter = await reporter.request("PATCH", `/api/v1/articles/${draft}`, { version: 1, headline: "장애 뒤 저장" });
  await sleep(1_000);
  posting = false;
  await poster;
  await load.stop();

  if ([...healthWhileDown.keys()].some((status) => status !== 503)) violations.push(`/api/health while down answered ${JSON.stringify(Object.fromEntries(healthWhileDown))}`);
  if (writeWhileDown?.status !== 503 || writeWhileDown.message !== DATABASE_UNAVAILABLE_MESSAGE) violations.push(`a staff write while down answered ${JSON.stringify(writeWhileDown)}`);
  if (writeAfter.status !== 200) violations.push(`a staff write after recovery answered ${writeAfter.status}`);
  if (load.tally.failures > 0) violations.push(`${load.tally.failures} reader requests failed: ${load.tally.failuresSeen.join("; ")}`);
  const kept = await query<{ id: number }>(app.databaseUrl, `SELECT id FROM "Comment" WHERE id = ANY($1::int[])`, [acked]);
  if (kept.length !== acked.length) violations.push(`${acked.length - kept.length} acknowledged comments are missing`);
  return {
    figures: {
      downMs,
      readerRequests: load.tally.requests,
      readerRequestsWhileDown: readsDuringOutage.requests,
      readerFailures: load.tally.failures,
      staleAnswers: load.tally.stale,
      healthWhileDown: JSON.stringify(Object.fromEntries(healthWhileDown)),
      staffWriteWhileDown: writeWhileDown?.status ?? 0,
      recoveryMs,
      commentPosts: posts,
      commentsAcknowledged: acked.length,
    },
    violations,
  };
}

/** A photo of noise: its copies are large (100 KB and more), so a small full folder cannot take them. */
function noisyJpeg(width: number, height: number): Promise<Buffer> {
  const pixels = Buffer.alloc(width * height * 3);
  for (let i = 0; i < pixels.length; i += 1) pixels[i] = (i * 2654435761) >>> 24;
  return sharp(pixels, { raw: { width, height, channels: 3 } }).jpeg({ quality: 90 }).toBuffer();
}

/** Whether this machine lets us mount a small tmpfs (root in a container that allows it). */
function tryMount(target: string, options: string): boolean {
  try {
    execFileSync("mount", ["-t", "tmpfs", "-o", options, "tmpfs", target], { stdio: "ignore" });
    return true;
  } catch {
    return false;
  }
}

async function filesUnder(dir: string): Promise<string[]> {
  const entries = await readdir(dir, { recursive: true, withFileTypes: true });
  return entries.filter((entry) => entry.isFile()).map((entry) => path.join(entry.parentPath, entry.name));
}

/**
 * An upload while the media folder is read-only, then while it is full: a Korean 503 each time, no
 * Media row, and no file that is not whole (each stored file's name is its content's hash).
 */
export async function mediaFolderDrill(app: FaultApp): Promise<DrillResult> {
  const violations: string[] = [];
  const reporter = await signInOverHttp(app.baseUrl, DEMO_STAFF.reporter.email, app.demoPassword);
  const mediaRows = async () => (await query<{ count: number }>(app.databaseUrl, `SELECT count(*)::int AS count FROM "Media"`))[0]!.count;
  const upload = async (seed: number) => {
    const form = new FormData();
    form.set("file", new File([new Uint8Array(await noisyJpeg(1800 + seed, 1200))], `fault-${seed}.jpg`));
    const response = await reporter.upload("/api/v1/media", form);
    return { status: response.status, message: ((await response.json().catch(() => ({}))) as { error?: { message?: string } }).error?.message ?? "" };
  };
  const figures: Record<string, number | string> = {};
  for (const [name, options] of [
    ["readOnly", "ro,size=1m"],
    ["full", "size=24k"],
  ] as const) {
    if (!tryMount(app.mediaDir, options)) {
      figures[name] = "skipped (cannot mount a tmpfs here)";
      continue;
    }
    try {
      const before = await mediaRows();
      const answer = await upload(name === "full" ? 2 : 1);
      figures[name] = answer.status;
      if (answer.status !== 503 || answer.message !== MEDIA_STORE_UNAVAILABLE_MESSAGE) violations.push(`${name} media folder: answered ${JSON.stringify(answer)}`);
      if ((await mediaRows()) !== before) violations.push(`${name} media folder: a Media row was written`);
      for (const file of await filesUnder(app.mediaDir)) {
        const digest = createHash("sha256").update(await readFile(file)).digest("hex").slice(0, 32);
        if (!path.basename(file).startsWith(digest)) violations.push(`${name} media folder: ${path.basename(file)} is not whole`);
      }
    } finally {
      execFileSync("umount", [app.mediaDir]);
    }
  }
  const after = await upload(3);
  figures.afterwards = after.status;
  if (after.status !== 201) violations.push(`an upload once the folder is writable again answered ${after.status}`);
  return { figures, violations };
}

/**
 * Moderate reader and comment load for `seconds`: no errors, and with `judgeMemory` resident
 * memory levels off (rssTrend); a short run only reports the memory figures.
 */
export async function soakDrill(app: FaultApp, seconds: number, { judgeMemory }: { judgeMemory: boolean }): Promise<DrillResult> {
  const violations: string[] = [];
  const pages = await readerPages(app);
  const stories = await publishedStoryIds(app);
  const block = freshBlock();
  const load = startReaders(app.baseUrl, pages, 4);
  const samples: number[] = [];
  let commentFailures = 0;
  let comments = 0;
  const endAt = Date.now() + seconds * 1000;
  for (let i = 0; Date.now() < endAt; i += 1) {
    samples.push(await app.appRssMb());
    const answer = await postComment(app.baseUrl, stories[i % stories.length]!, sourceAddress(i, block), `오래 돌리기 댓글 ${i}번`).catch(() => null);
    comments += 1;
    if (!answer || (answer.status !== 201 && answer.status !== 202)) commentFailures += 1;
    await sleep(1_000);
  }
  await load.stop();
  const memory = rssTrend(samples);
  if (load.tally.failures > 0) violations.push(`${load.tally.failures} reader requests failed: ${load.tally.failuresSeen.join("; ")}`);
  if (commentFailures > 0) violations.push(`${commentFailures} of ${comments} comment posts failed`);
  if (judgeMemory && memory.violation) violations.push(memory.violation);
  return {
    figures: {
      seconds,
      readerRequests: load.tally.requests,
      readsPerSecond: Math.round(load.tally.requests / seconds),
      comments,
      ...memory.figures,
      memoryJudged: judgeMemory ? "yes" : "no (short run)",
    },
    violations,
  };
}
