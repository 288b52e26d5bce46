// Staff sign-in, roles and sessions in a real Chromium against the real app.
import type { Browser, BrowserContext, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { DEMO_STAFF } from "@/lib/seed/demo-newsroom";
import { DEMO_STORIES } from "@/prisma/seed/demo-content";
import { query } from "../support/app-database";
import { inChromium, launchBrowser, screenshotPath } from "../support/browser";

const baseUrl = inject("appBaseUrl");
const password = inject("demoPassword");


async function articleIdByHeadline(headline: string): Promise<number> {
  const [row] = await query<{ id: number }>(`SELECT id FROM "Article" WHERE headline = $1`, [headline]);
  if (!row) throw new Error(`no article ${headline}`);
  return row.id;
}

async function statusOf(id: number): Promise<string> {
  const [row] = await query<{ status: string }>(`SELECT status FROM "Article" WHERE id = $1`, [id]);
  return row?.status ?? "missing";
}

async function signIn(page: Page, email: string, secret: string, next = "/newsroom") {
  await page.goto(`${baseUrl}${next}`);
  await page.waitForURL(/\/login\?/);
  await page.fill('input[name="email"]', email);
  await page.fill('input[name="password"]', secret);
  await page.click('button[type="submit"]');
}

describe("staff sign-in in Chromium", inChromium, () => {
  let browser: Browser;
  const contexts: BrowserContext[] = [];
  const newPage = async () => {
    const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
    // Fail with the step that hangs instead of the whole test's timeout.
    context.setDefaultTimeout(15_000);
    contexts.push(context);
    return context.newPage();
  };

  beforeAll(async () => {
    browser = await launchBrowser();
  });
  afterAll(async () => {
    await browser?.close();
  });

  it.each(Object.values(DEMO_STAFF).map((person) => [person.email, person] as const))("%s signs in, lands on the newsroom, and signs out", async (_email, person) => {
    const page = await newPage();
    await signIn(page, person.email, password);
    await page.waitForURL(`${baseUrl}/newsroom`);
    await expect.poll(() => page.textContent('[data-testid="signed-in-as"]')).toContain(`${person.name} ${person.title}`);
    const cookie = (await page.context().cookies()).find((c) => c.name === "next-auth.session-token");
    expect(cookie).toMatchObject({ httpOnly: true, sameSite: "Lax" });
    if (person.role === "ADMIN") await page.screenshot({ path: await screenshotPath("newsroom-admin") });

    await page.click("text=로그아웃");
    await page.waitForURL(/\/login/);
    // The old cookie is gone and, had it been copied, would no longer work (sessionVersion bumped).
    await page.goto(`${baseUrl}/newsroom`);
    await page.waitForURL(/\/login\?callbackUrl=%2Fnewsroom/);
    const replay = await fetch(`${baseUrl}/api/v1/me`, { headers: { cookie: `next-auth.session-token=${cookie?.value}` } });
    expect(replay.status).toBe(401);
  });

  it("a wrong password gets one Korean message; repeated failures lock with a clear Korean message", async () => {
    const page = await newPage();
    await signIn(page, "nobody-here@newsroom.test", "wrong-password-0");
    await expect.poll(() => page.textContent('[role="alert"]')).toBe("이메일 또는 비밀번호가 올바르지 않습니다.");
    for (let i = 1; i < 5; i += 1) {
      await page.fill('input[name="password"]', `wrong-password-${i}`);
      await page.click('button[type="submit"]');
      await page.waitForFunction(() => !document.querySelector('button[type="submit"]')?.hasAttribute("disabled"));
    }
    await page.fill('input[name="password"]', "wrong-password-5");
    await page.click('button[type="submit"]');
    await expect.poll(() => page.textContent('[role="alert"]')).toMatch(/로그인 시도가 너무 많아 잠시 막혔습니다\. \d+분 뒤에 다시 시도하세요/);
    await page.screenshot({ path: await screenshotPath("login-locked") });
  });

  it("a reporter cannot approve by page, by API or by a forged server action; an editor can", async () => {
    const intern = DEMO_STAFF.intern;
    const theirs = DEMO_STORIES.find((story) => story.status === "SUBMITTED" && story.author === "intern");
    const other = DEMO_STORIES.find((story) => story.status === "SUBMITTED" && story.author !== "intern");
    if (!theirs || !other) throw new Error("demo stories changed");
    const internStoryId = await articleIdByHeadline(theirs.headline);
    const otherStoryId = await articleIdByHeadline(other.headline);

    // Page: the intern sees their own submitted story without any desk controls.
    const internPage = await newPage();
    await signIn(internPage, intern.email, password);
    await internPage.waitForURL(`${baseUrl}/newsroom`);
    await internPage.goto(`${baseUrl}/newsroom/articles/${internStoryId}`);
    expect(await internPage.textContent('[data-testid="article-status"]')).toBe("데스크 검토 중");
    expect(await internPage.locator("button", { hasText: "승인" }).count()).toBe(0);
    // ...and someone else's story not at all.
    const denied = await internPage.goto(`${baseUrl}/newsroom/articles/${otherStoryId}`);
    expect(denied?.status()).toBe(403);
    expect(await internPage.textContent('[data-testid="newsroom-forbidden"] h1')).toBe("이 화면을 볼 권한이 없습니다");

    // API, with the intern's session cookie.
    const apiAttempt = await internPage.context().request.post(`${baseUrl}/api/v1/articles/${internStoryId}/approve`, {
      headers: { origin: baseUrl },
      data: { version: 1 },
    });
    expect(apiAttempt.status()).toBe(403);
    expect((await apiAttempt.json()).error.code).toBe("FORBIDDEN");

    // Server action: capture the editor's real "approve" request, then replay it as the intern
    // against the intern's own story.
    const editorPage = await newPage();
    await signIn(editorPage, DEMO_STAFF.editor.email, password);
    await editorPage.waitForURL(`${baseUrl}/newsroom`);
    await editorPage.goto(`${baseUrl}/newsroom/articles/${otherStoryId}`);
    const captured = editorPage.waitForRequest((request) => request.method() === "POST" && !!request.headers()["next-action"]);
    await editorPage.locator("button", { hasText: /^승인$/ }).click();
    const actionRequest = await captured;
    // A server action can take seconds on a loaded machine: wait on the state, not on expect.poll's default second.
    await expect.poll(() => statusOf(otherStoryId), { timeout: 30_000 }).toBe("PUBLISHED");
    // The approve form is gone (nothing left to approve) and the badge says so.
    await expect.poll(() => editorPage.textContent('[data-testid="article-status"]'), { timeout: 30_000 }).toBe("발행됨");

    const body = actionRequest.postDataBuffer();
    if (!body) throw new Error("no action body");
    const forged = Buffer.from(body.toString("latin1").replace(`\r\n\r\n${otherStoryId}\r\n`, `\r\n\r\n${internStoryId}\r\n`), "latin1");
    expect(forged.equals(body)).toBe(false);
    const replayHeaders = {
      "next-action": actionRequest.headers()["next-action"] ?? "",
      "content-type": actionRequest.headers()["content-type"] ?? "",
      accept: "text/x-component",
      origin: baseUrl,
    };
    const forgedAttempt = await internPage.context().request.post(`${baseUrl}/newsroom/articles/${internStoryId}`, { headers: replayHeaders, data: forged });
    expect(forgedAttempt.status()).toBe(200);
    expect(await forgedAttempt.text()).toContain("데스크(편집자)만 할 수 있습니다.");
    expect(await statusOf(internStoryId)).toBe("SUBMITTED");

    // The same replay by the editor does approve it: the forgery failed on permission, not on format.
    const editorReplay = await editorPage.context().request.post(`${baseUrl}/newsroom/articles/${internStoryId}`, { headers: replayHeaders, data: forged });
    expect(editorReplay.status()).toBe(200);
    await expect.poll(() => statusOf(internStoryId)).toBe("PUBLISHED");
  });

  it("an admin creates an account; the new person must replace the temporary password; deactivation ends their session at once", async () => {
    const admin = await newPage();
    await signIn(admin, DEMO_STAFF.admin.email, password);
    await admin.waitForURL(`${baseUrl}/newsroom`);
    await admin.goto(`${baseUrl}/newsroom/staff`);
    // A bad e-mail is refused in Korean and what was typed stays.
    await admin.fill('input[name="name"]', "김신입");
    await admin.fill('input[name="email"]', "kim@localhost"); // the browser accepts it; the server does not
    await admin.fill('input[name="title"]', "인턴기자");
    await admin.click("text=계정 만들기");
    await expect.poll(() => admin.textContent('[role="alert"]')).toContain("올바른 이메일 주소를 입력하세요.");
    expect(await admin.inputValue('input[name="name"]')).toBe("김신입");
    await admin.fill('input[name="email"]', "new.intern@newsroom.test");
    await admin.selectOption('select[name="role"]', "EDITOR");
    await admin.click("text=계정 만들기");
    const secret = await admin.locator('[data-testid="one-time-secret"]').textContent({ timeout: 15_000 });
    expect(secret).toMatch(/^[A-Za-z2-9]{16}$/);
    expect(await admin.inputValue('input[name="email"]')).toBe(""); // ready for the next person
    await admin.screenshot({ path: await screenshotPath("staff-created") });

    // The new person signs in and is sent to change the temporary password first.
    const newcomer = await newPage();
    await signIn(newcomer, "new.intern@newsroom.test", secret ?? "");
    await newcomer.waitForURL(/\/newsroom/);
    await newcomer.goto(`${baseUrl}/newsroom`);
    await newcomer.waitForURL(/\/newsroom\/account\/password/);
    // Nothing else works on the temporary password, by API either.
    const early = await newcomer.context().request.post(`${baseUrl}/api/v1/articles`, { headers: { origin: baseUrl }, data: { headline: "임시 비밀번호로 쓴 기사" } });
    expect(early.status()).toBe(403);
    expect((await early.json()).error.message).toContain("임시 비밀번호를 먼저");
    await newcomer.fill('input[name="currentPassword"]', secret ?? "");
    await newcomer.fill('input[name="newPassword"]', "password1234");
    await newcomer.fill('input[name="confirmPassword"]', "password1234");
    await newcomer.click('button[type="submit"]');
    // The first password check of a fresh server loads the strength estimator's dictionaries.
    await expect.poll(() => newcomer.textContent('[role="alert"]'), { timeout: 10_000 }).toContain("너무 흔한 비밀번호입니다");
    await newcomer.fill('input[name="newPassword"]', "서울 신문 인턴 2026!");
    await newcomer.fill('input[name="confirmPassword"]', "서울 신문 인턴 2026!");
    await newcomer.click('button[type="submit"]');
    await newcomer.waitForURL(/\/login\?reason=password-changed/);
    await signIn(newcomer, "new.intern@newsroom.test", "서울 신문 인턴 2026!");
    await newcomer.waitForURL(`${baseUrl}/newsroom`);
    expect((await newcomer.context().request.get(`${baseUrl}/api/v1/me`)).status()).toBe(200);

    // The admin deactivates the account: the newcomer's very next request is refused.
    const [row] = await query<{ id: string }>(`SELECT id FROM "User" WHERE email = 'new.intern@newsroom.test'`);
    await admin.goto(`${baseUrl}/newsroom/staff/${row?.id}`);
    admin.once("dialog", (dialog) => void dialog.accept());
    await admin.click("button:has-text('비활성화')");
    await expect.poll(() => admin.textContent('[role="status"]')).toContain("계정을 비활성화했습니다");
    expect((await newcomer.context().request.get(`${baseUrl}/api/v1/me`)).status()).toBe(401);
    await newcomer.goto(`${baseUrl}/newsroom`);
    await newcomer.waitForURL(/\/login/);

    // It all shows in the audit log.
    await admin.goto(`${baseUrl}/newsroom/audit`);
    const log = await admin.textContent('[data-testid="audit-log"]');
    for (const action of ["직원 계정 만듦", "로그인", "로그인 실패", "비밀번호 변경", "계정 비활성화", "로그아웃"]) {
      expect(log).toContain(action);
    }
    await admin.screenshot({ path: await screenshotPath("audit-log"), fullPage: false });
  });

  it("a reporter does not reach the staff or audit pages", async () => {
    const page = await newPage();
    await signIn(page, DEMO_STAFF.reporter.email, password);
    await page.waitForURL(`${baseUrl}/newsroom`);
    for (const path of ["/newsroom/staff", "/newsroom/audit"]) {
      const response = await page.goto(`${baseUrl}${path}`);
      expect(response?.status(), path).toBe(403);
      expect(await page.textContent('[data-testid="newsroom-forbidden"] h1')).toBe("이 화면을 볼 권한이 없습니다");
    }
  });
});

describe("the newsroom API and its guards", () => {
  it("GET /api/v1/me without a session is 401 in Korean", async () => {
    const response = await fetch(`${baseUrl}/api/v1/me`);
    expect(response.status).toBe(401);
    expect((await response.json()).error.message).toContain("로그인이 필요합니다");
  });

  it("a state change from another origin is refused before anything else (CSRF)", async () => {
    const response = await fetch(`${baseUrl}/api/v1/me`, { method: "PATCH", headers: { origin: "http://evil.example", "content-type": "application/json" }, body: "{}" });
    expect(response.status).toBe(403);
  });

  it("security headers: CSP with a nonce, no framing of the newsroom, nosniff, referrer policy", async () => {
    const login = await fetch(`${baseUrl}/login`);
    const csp = login.headers.get("content-security-policy") ?? "";
    expect(csp).toMatch(/script-src 'self' 'nonce-[A-Za-z0-9+/=]+' 'strict-dynamic'/);
    expect(csp).toContain("frame-ancestors 'none'");
    expect(csp).toContain("object-src 'none'");
    expect(login.headers.get("x-frame-options")).toBe("DENY");
    expect(login.headers.get("x-content-type-options")).toBe("nosniff");
    expect(login.headers.get("referrer-policy")).toBe("strict-origin-when-cross-origin");
    const second = await fetch(`${baseUrl}/login`);
    expect(second.headers.get("content-security-policy")).not.toBe(csp);
    const html = await second.text();
    const nonce = /'nonce-([^']+)'/.exec(second.headers.get("content-security-policy") ?? "")?.[1];
    expect(html).toContain(`nonce="${nonce}"`);
  });

  it("a signed-out visit to the newsroom is redirected to the login page and back", async () => {
    const response = await fetch(`${baseUrl}/newsroom/staff`, { redirect: "manual" });
    expect(response.status).toBe(307);
    expect(response.headers.get("location")).toContain("/login?callbackUrl=%2Fnewsroom%2Fstaff");
  });
});
