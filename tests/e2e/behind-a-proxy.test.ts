// The app as production runs it: behind a reverse proxy that ends TLS (TRUST_PROXY=1, so readers'
// addresses come from X-Forwarded-For; an https public address). Views are counted once per story
// per reader address whatever the User-Agent, so one client cannot stuff "most read"; every
// answer carries Strict-Transport-Security.
import { request as httpRequest } from "node:http";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { createPrismaClient } from "@/lib/db/client";
import { startAppInstance, type AppInstance } from "../support/app-instance";
import { plantStories, removePlantedStories, type PlantedStories } from "../support/planted-stories";

const databaseUrl = inject("appDatabaseUrl");
const plainBaseUrl = inject("appBaseUrl");
const db = createPrismaClient(databaseUrl);

let app: AppInstance;
let planted: PlantedStories;
let stopped = false;

beforeAll(async () => {
  planted = await plantStories(db);
  app = await startAppInstance(databaseUrl, { TRUST_PROXY: "1", NEXTAUTH_URL: "https://news.example.test" });
});

afterAll(async () => {
  if (!stopped) await app?.stop();
  if (planted) await removePlantedStories(db, planted);
  await db.$disconnect();
});

/** A browser's User-Agent, different for each `n` (the stuffing script's trick). */
const browserAgent = (n: number) =>
  `Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/${100 + (n % 40)}.0.${n}.${n % 97} Safari/537.36`;

function beacon(articleId: number, ip: string, userAgent: string): Promise<Response> {
  return fetch(`${app.baseUrl}/api/views`, {
    method: "POST",
    body: String(articleId),
    // A script sets Origin to whatever the site expects.
    headers: { origin: app.baseUrl, "content-type": "text/plain", "user-agent": userAgent, "x-forwarded-for": ip },
  });
}

async function inBatches(count: number, size: number, send: (n: number) => Promise<Response>): Promise<void> {
  for (let start = 0; start < count; start += size) {
    const answers = await Promise.all(Array.from({ length: Math.min(size, count - start) }, (_, i) => send(start + i)));
    for (const answer of answers) expect(answer.status).toBe(204);
  }
}

async function viewsOf(articleId: number) {
  const [article, hourly] = await Promise.all([
    db.article.findUniqueOrThrow({ where: { id: articleId }, select: { viewCount: true } }),
    db.articleView.aggregate({ where: { articleId }, _sum: { count: true } }),
  ]);
  return { total: article.viewCount, hourly: hourly._sum.count ?? 0 };
}

describe("behind a TLS-terminating proxy", () => {
  it("sends Strict-Transport-Security on every kind of answer when the public address is https (and not over plain http)", async () => {
    const answers = [
      await fetch(`${app.baseUrl}/`),
      await fetch(`${app.baseUrl}/`),
      await fetch(`${app.baseUrl}/api/health`),
      await fetch(`${app.baseUrl}/api/v1/articles/${planted.ids.published}/comments`),
      await fetch(`${app.baseUrl}/login`),
      await fetch(`${app.baseUrl}/no-such-page`),
    ];
    // fetch() refuses TRACE itself; our server answers it with 405.
    const traced = await new Promise<string | undefined>((resolve, reject) => {
      const req = httpRequest(`${app.baseUrl}/`, { method: "TRACE" }, (res) => {
        res.resume();
        expect(res.statusCode).toBe(405);
        resolve(res.headers["strict-transport-security"] as string | undefined);
      });
      req.on("error", reject);
      req.end();
    });
    expect(traced).toMatch(/^max-age=\d{8,}/);
    expect(answers[1]?.headers.get("x-cache")).toBe("HIT");
    for (const answer of answers) {
      await answer.arrayBuffer();
      expect(answer.headers.get("strict-transport-security"), `${answer.url} ${answer.status}`).toMatch(/^max-age=\d{8,}/);
    }
    expect((await fetch(`${plainBaseUrl}/`)).headers.get("strict-transport-security")).toBeNull();
  });

  it("2,000 views of one story from one address with 2,000 browser User-Agents count once; 30 addresses count 30", async () => {
    const stuffed = planted.ids.published;
    const read = planted.ids.pendingUpdate;
    const before = { stuffed: await viewsOf(stuffed), read: await viewsOf(read) };
    await inBatches(2_000, 25, (n) => beacon(stuffed, "198.51.100.23", browserAgent(n)));
    await inBatches(30, 10, (n) => beacon(read, `203.0.113.${10 + n}`, browserAgent(n)));
    // The server writes what it buffered when it stops: then every counted view is in the database.
    await app.stop();
    stopped = true;
    const after = { stuffed: await viewsOf(stuffed), read: await viewsOf(read) };
    expect(after.stuffed.total - before.stuffed.total).toBeLessThanOrEqual(1);
    expect(after.stuffed.hourly - before.stuffed.hourly).toBeLessThanOrEqual(1);
    expect(after.read.total - before.read.total).toBe(30);
    expect(after.read.hourly - before.read.hourly).toBe(30);
  }, 300_000);
});
