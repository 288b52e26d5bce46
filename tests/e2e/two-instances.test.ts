// Two app instances on one database, as behind a load balancer: the e2e app (A) and a second
// one started here (B) on another port. Nothing a reader or a member of staff relies on lives in
// one process: a session made on A works on B, sign-in throttles and comment flood limits count
// across both, and a publication on A reaches B's response cache within a second.
import { randomUUID } from "node:crypto";
import type pg from "pg";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { SIGN_IN_LOCKED_PREFIX } from "@/lib/auth/auth-options";
import { ACCOUNT_FAILURE_LIMIT } from "@/lib/auth/login-throttle";
import { DEMO_STAFF } from "@/lib/seed/demo-newsroom";
import { startAppInstance, type AppInstance } from "../support/app-instance";
import { query } from "../support/app-database";
import { signInOverHttp } from "../support/http-session";
import { loopbackRequest, signInFrom } from "../support/loopback-client";

const instanceA = inject("appBaseUrl");
const databaseUrl = inject("appDatabaseUrl");
const password = inject("demoPassword");
let b: AppInstance;

beforeAll(async () => {
  b = await startAppInstance(databaseUrl);
});

afterAll(async () => {
  await b?.stop();
});

const firstRow = async <T extends pg.QueryResultRow>(sql: string, params: unknown[] = []) => (await query<T>(sql, params))[0];

describe("two instances behind one load balancer", () => {
  it("a session made on A works on B", async () => {
    const session = await signInOverHttp(instanceA, DEMO_STAFF.editor.email, password);
    const onB = await fetch(`${b.baseUrl}/api/v1/me`, { headers: { cookie: session.cookie } });
    expect(onB.status).toBe(200);
    expect(JSON.stringify(await onB.json())).toContain(DEMO_STAFF.editor.email);
    // And without the cookie B refuses, so the 200 above was the session's doing.
    expect((await fetch(`${b.baseUrl}/api/v1/me`)).status).toBe(401);
  });

  it("failed sign-ins on A lock the account on B", async () => {
    const email = `nobody-${randomUUID().slice(0, 8)}@newsroom.test`;
    // From an address of this test's own, so no other test's failures count here.
    const from = "127.0.0.2";
    for (let attempt = 0; attempt < ACCOUNT_FAILURE_LIMIT; attempt += 1) {
      const answer = await signInFrom(instanceA, from, email, "wrong-password-123");
      expect(answer.location).not.toContain(SIGN_IN_LOCKED_PREFIX);
    }
    expect((await signInFrom(b.baseUrl, from, email, "wrong-password-123")).location).toContain(SIGN_IN_LOCKED_PREFIX);
  });

  it("a comment on A counts toward the flood limit on B", async () => {
    const story = await firstRow<{ id: number }>(`SELECT id FROM "Article" WHERE status = 'PUBLISHED' AND "commentsClosed" = false ORDER BY "publishedAt" DESC LIMIT 1`);
    if (!story) throw new Error("no published story to comment on");
    const post = (baseUrl: string, body: string) =>
      loopbackRequest(`${baseUrl}/api/v1/articles/${story.id}/comments`, {
        localAddress: "127.0.0.3",
        method: "POST",
        headers: { "content-type": "application/json", origin: baseUrl },
        body: JSON.stringify({ nickname: "두서버독자", password: "1234", body }),
      });
    const first = await post(instanceA, `A에서 쓴 댓글입니다 ${randomUUID().slice(0, 6)}`);
    expect([201, 202], first.text).toContain(first.status);
    const second = await post(b.baseUrl, `B에서 바로 쓴 댓글입니다 ${randomUUID().slice(0, 6)}`);
    expect(second.status, second.text).toBe(429);
    expect(second.text).toContain("초에 한 번만");
  });

  it("a publication on A shows on B's cached home page within a second", async () => {
    const reporter = await signInOverHttp(instanceA, DEMO_STAFF.reporter.email, password);
    const { sections } = (await (await reporter.request("GET", "/api/v1/sections")).json()) as { sections: { id: number }[] };
    const created = await reporter.request("POST", "/api/v1/articles", {
      headline: `두 인스턴스 시험 기사 ${Date.now()}`,
      sectionId: sections[0]?.id,
      origin: "OWN_REPORTING",
      body: { type: "doc", content: [{ type: "paragraph", content: [{ type: "text", text: "두 인스턴스 시험 본문. ".repeat(20) }] }] },
    });
    expect(created.status).toBe(201);
    const { article } = (await created.json()) as { article: { id: number } };
    expect((await reporter.request("POST", `/api/v1/articles/${article.id}/submit`)).status).toBe(200);
    const story = await firstRow<{ version: number }>(`SELECT version FROM "Article" WHERE id = $1`, [article.id]);

    await fetch(`${b.baseUrl}/`);
    const cached = await fetch(`${b.baseUrl}/`);
    expect(cached.headers.get("x-cache")).toBe("HIT");
    const link = `href="/articles/${article.id}/`;
    expect(await cached.text()).not.toContain(link);

    const editor = await signInOverHttp(instanceA, DEMO_STAFF.editor.email, password);
    expect((await editor.request("POST", `/api/v1/articles/${article.id}/approve`, { version: story?.version })).status).toBe(200);
    await expect.poll(async () => (await fetch(`${b.baseUrl}/`)).text(), { timeout: 1_000, interval: 50 }).toContain(link);

    // Taken down again, from B this time: A's cache follows, and the shared demo home page is as
    // the other browser tests expect it (they count the demo's newest stories there).
    const takenDown = await fetch(`${b.baseUrl}/api/v1/articles/${article.id}/unpublish`, {
      method: "POST",
      headers: { cookie: editor.cookie, origin: b.baseUrl, "content-type": "application/json" },
      body: JSON.stringify({ reason: "두 인스턴스 시험을 마쳤습니다." }),
    });
    expect(takenDown.status, await takenDown.clone().text()).toBe(200);
    await expect.poll(async () => (await fetch(`${instanceA}/`)).text(), { timeout: 1_000, interval: 50 }).not.toContain(link);
  });
});
