// FRONT_PROCESS=on: a front process owns the port and the response cache and hands the rest to
// Next.js over a Unix socket (server/front/). An instance of the app started that way, on the e2e
// database: hits come from the front, misses are rendered behind it with their tags (a publication
// drops them), staff and POSTs go through to Next.js, and it stops cleanly.
import { existsSync } from "node:fs";
import { Agent, request } from "node:http";
import pg from "pg";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { DEMO_STAFF } from "@/lib/seed/demo-newsroom";
import { frontSocketPath } from "@/server/front/front-protocol";
import { startAppInstance, type AppInstance } from "../support/app-instance";
import { signInOverHttp } from "../support/http-session";
import { createPublishedStoryInApp } from "../support/published-story-in-app";

const databaseUrl = inject("appDatabaseUrl");
const password = inject("demoPassword");
let app: AppInstance;

beforeAll(async () => {
  // Behind a reverse proxy, as in production: each test's comments come from addresses of its own.
  app = await startAppInstance(databaseUrl, { FRONT_PROCESS: "on", TRUST_PROXY: "1" });
}, 180_000);

afterAll(async () => {
  await app?.stop();
});

async function storyVersion(id: number): Promise<number> {
  const client = new pg.Client({ connectionString: databaseUrl });
  await client.connect();
  try {
    const row = (await client.query<{ version: number }>(`SELECT version FROM "Article" WHERE id = $1`, [id])).rows[0];
    if (!row) throw new Error(`story ${id} not found`);
    return row.version;
  } finally {
    await client.end();
  }
}

describe("the front process (FRONT_PROCESS=on)", () => {
  it("renders a miss behind it and answers the next request from its cache: the same bytes, no nonce, the reader bundle instead of Next's runtime", async () => {
    // Next.js listens on its socket, for the front only.
    expect(existsSync(frontSocketPath(app.process.child.pid ?? 0))).toBe(true);
    // A path of this test's own: no one else has asked this instance for it.
    const path = `/sections/culture?page=1`;
    const first = await fetch(`${app.baseUrl}${path}`);
    const firstBody = await first.text();
    expect(first.status).toBe(200);
    expect(["MISS", "HIT"]).toContain(first.headers.get("x-cache"));
    const second = await fetch(`${app.baseUrl}${path}`);
    expect(second.headers.get("x-cache")).toBe("HIT");
    expect(await second.text()).toBe(firstBody);
    const policy = second.headers.get("content-security-policy") ?? "";
    expect(policy).toMatch(/script-src 'self'[ ;]/);
    expect(policy).not.toContain("nonce-");
    // The page loads the reader bundle (server/islands-bundle.ts), which the front serves itself.
    const bundle = /src="(\/_islands\/reader\.[\w-]+\.js)"/.exec(firstBody)?.[1];
    expect(bundle, "the cached page names the reader bundle").toBeDefined();
    expect(firstBody).not.toContain("/_next/static/chunks/webpack");
    const script = await fetch(`${app.baseUrl}${bundle}`);
    expect(script.status).toBe(200);
    expect(script.headers.get("content-type") ?? "").toMatch(/javascript/);
    // The internal headers between the two processes never reach a reader.
    expect([...first.headers.keys()].filter((name) => name.startsWith("x-newsroom-"))).toEqual([]);
  });

  it("a body Next.js refuses before reading it all does not stall the reader's next request on the same connection", async () => {
    // One keep-alive connection for both requests. The front used to keep piping the refused body
    // into a connection Next.js had stopped reading: the reader's next request was never read, and
    // the connection was cut at the keep-alive timeout (ECONNRESET).
    const agent = new Agent({ keepAlive: true, maxSockets: 1 });
    const ask = (method: string, path: string, body?: Buffer) =>
      new Promise<{ status: number; text: string }>((resolve, reject) => {
        const asked = request(`${app.baseUrl}${path}`, { method, agent, headers: { "content-type": "application/json", origin: app.baseUrl } }, (answer) => {
          let text = "";
          answer.setEncoding("utf8");
          answer.on("data", (chunk: string) => (text += chunk));
          answer.on("end", () => resolve({ status: answer.statusCode ?? 0, text }));
        });
        asked.on("error", reject);
        asked.end(body);
      });
    try {
      // Refused for its form (claims come as multipart/form-data) long before its 3 MB are read.
      const refused = await ask("POST", "/api/v1/claims", Buffer.alloc(3_000_000, 0x61));
      expect(refused.status, refused.text).toBe(400);
      const next = await ask("GET", "/");
      expect(next.status).toBe(200);
      const again = await ask("POST", "/api/v1/claims", Buffer.from("{}"));
      expect(again.status, again.text).toBe(400);
    } finally {
      agent.destroy();
    }
  });

  it("a staff session and a POST go through to Next.js", async () => {
    const session = await signInOverHttp(app.baseUrl, DEMO_STAFF.editor.email, password);
    await fetch(`${app.baseUrl}/`);
    expect((await fetch(`${app.baseUrl}/`)).headers.get("x-cache")).toBe("HIT");
    const staffView = await fetch(`${app.baseUrl}/`, { headers: { cookie: session.cookie } });
    expect(staffView.status).toBe(200);
    expect(staffView.headers.get("x-cache")).toBeNull();
    expect(staffView.headers.get("cache-control") ?? "").not.toMatch(/public/);
    const refused = await fetch(`${app.baseUrl}/api/v1/articles`, { method: "POST", headers: { "content-type": "application/json", cookie: session.cookie, origin: app.baseUrl }, body: "{}" });
    expect(refused.status).toBe(400);
    expect(((await refused.json()) as { error: { code: string } }).error.code).toBe("VALIDATION");
  });

  it("a publication made through it drops the stale home page at once", async () => {
    const reporter = await signInOverHttp(app.baseUrl, DEMO_STAFF.reporter.email, password);
    const { sections } = (await (await reporter.request("GET", "/api/v1/sections")).json()) as { sections: { id: number }[] };
    const created = await reporter.request("POST", "/api/v1/articles", {
      headline: `앞단 프로세스 시험 기사 ${Date.now()}`,
      sectionId: sections[0]?.id,
      origin: "OWN_REPORTING",
      body: { type: "doc", content: [{ type: "paragraph", content: [{ type: "text", text: "앞단 프로세스 시험 본문. ".repeat(20) }] }] },
    });
    expect(created.status).toBe(201);
    const { article } = (await created.json()) as { article: { id: number } };
    expect((await reporter.request("POST", `/api/v1/articles/${article.id}/submit`)).status).toBe(200);
    await fetch(`${app.baseUrl}/`);
    const cached = await fetch(`${app.baseUrl}/`);
    expect(cached.headers.get("x-cache")).toBe("HIT");
    const link = `href="/articles/${article.id}/`;
    expect(await cached.text()).not.toContain(link);
    const editor = await signInOverHttp(app.baseUrl, DEMO_STAFF.editor.email, password);
    expect((await editor.request("POST", `/api/v1/articles/${article.id}/approve`, { version: await storyVersion(article.id) })).status).toBe(200);
    await expect.poll(async () => (await fetch(`${app.baseUrl}/`)).text(), { timeout: 1_000, interval: 50 }).toContain(link);
  });

  it("a comment list is cached with its tags (a new comment drops it); the reader's address reaches Next.js, a header a reader sends does not", async () => {
    const storyId = await createPublishedStoryInApp(databaseUrl, "앞단 프로세스 댓글 시험 기사");
    const list = `${app.baseUrl}/api/v1/articles/${storyId}/comments`;
    const listedIds = async () => ((await (await fetch(list)).json()) as { comments: { id: number }[] }).comments.map((comment) => comment.id);
    expect(await listedIds()).toEqual([]);
    expect((await fetch(list)).headers.get("x-cache")).toBe("HIT");
    const post = (from: string, headers: Record<string, string> = {}) =>
      fetch(list, {
        method: "POST",
        headers: { "content-type": "application/json", origin: app.baseUrl, "x-forwarded-for": from, ...headers },
        body: JSON.stringify({ nickname: "앞단주민", password: "1234", body: `앞단 프로세스를 거친 댓글입니다 (${from}).` }),
      });
    const reader = `198.51.100.${10 + (Date.now() % 200)}`;
    const first = await post(reader);
    expect(first.status, await first.clone().text()).toBe(201);
    const { comment } = (await first.json()) as { comment: { id: number } };
    // Dropped by the comment's event only if the list's tags came back from the render behind the front.
    await expect.poll(listedIds, { timeout: 1_000, interval: 50 }).toContain(comment.id);
    // The same reader claiming another address in the header the front sends Next.js is still the
    // same reader (one comment per 15 seconds); a reader at another address is not.
    const forged = await post(reader, { "x-newsroom-client-ip": "203.0.113.9" });
    expect(forged.status, await forged.clone().text()).toBe(429);
    expect((await post("203.0.113.9")).status).toBe(201);
  });

  it("/metrics joins the front's counts and the figures of the process behind it, each family once", async () => {
    const text = await (await fetch(`${app.baseUrl}/metrics`)).text();
    expect(text).toMatch(/^newsroom_response_cache_total\{outcome="hit"\} [1-9]/m);
    expect(text).toMatch(/^# TYPE newsroom_db_query_duration_seconds histogram$/m);
    const types = text.split("\n").filter((line) => line.startsWith("# TYPE "));
    expect(new Set(types).size).toBe(types.length);
  });

  it("stops cleanly: the front finishes, then Next.js, and the port is free", async () => {
    app.process.child.kill("SIGTERM");
    expect(await app.process.exited).toBe(0);
    await expect(fetch(`${app.baseUrl}/`)).rejects.toThrow();
    expect(existsSync(frontSocketPath(app.process.child.pid ?? 0))).toBe(false);
  });
});
