// Readers' Web Push in Chromium, the page's side. Headless Chromium has no push service, so
// pushManager.subscribe() is stubbed in the page to hand back a subscription made here the way a
// browser makes one (a P-256 key pair and an auth secret); everything else is the real thing: the
// button (no permission prompt on load), the topic dialog, the permission request on the click,
// the service worker (public/push-sw.js) registered for the whole site under the CSP, what the page
// POSTs to the server and the row the server keeps, the worker's push handler (a push delivered
// through the DevTools protocol shows the notification) and its click handler (opens the story),
// and unsubscribing. The server's side (VAPID, encryption, delivery, expiry, the desk's choice,
// the limits) is tests/integration/web-push.test.ts with a push service's stand-in.
// Here the stand-in (tests/support/push-service.ts) makes every browser's keys, so nothing is ever
// sent off this machine, and receives the desk's pushes end to end: the editor's form, the job
// queue, VAPID and the encryption, decrypted with the keys the test made. Also here: the footer's
// opt-in (속보 and every section) and the worker's pushsubscriptionchange (a push service replacing
// the subscription), dispatched inside the worker as the click is.
// An app instance of its own, started with a VAPID key pair (the shared e2e app has none) and
// allowed to push to the stand-in on loopback.
import { randomBytes } from "node:crypto";
import type { Browser, BrowserContext, Page } from "playwright-core";
import webpush from "web-push";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { startAppInstance, type AppInstance } from "../support/app-instance";
import { demoStoryPath, query } from "../support/app-database";
import { inChromium, launchBrowser, screenshotPath } from "../support/browser";
import { eventually, overflowPastScreen, PHONE, signInStaff, staffContext } from "../support/newsroom-phone";
import { createSubmittedStory, staffApi } from "../support/newsroom-stories";
import { startPushService, type BrowserSubscription, type PushService } from "../support/push-service";

const vapid = webpush.generateVAPIDKeys();
const STORY = "도시철도 연장선 예비타당성";

/** Stands in for the browser's push service: subscribe() and getSubscription() answer with `fake`, and what the page asked for is kept. */
function stubPushManager(fake: BrowserSubscription) {
  // Kept for the tab across page loads, as the browser keeps a real subscription.
  const state = { subscribed: sessionStorage.getItem("push-stub") === "1", askedKey: "" };
  const remember = (on: boolean) => {
    state.subscribed = on;
    sessionStorage.setItem("push-stub", on ? "1" : "0");
  };
  Object.assign(window, { pushStub: state });
  const subscription = {
    endpoint: fake.endpoint,
    options: { userVisibleOnly: true },
    toJSON: () => ({ endpoint: fake.endpoint, expirationTime: null, keys: fake.keys }),
    unsubscribe: async () => {
      remember(false);
      return true;
    },
  };
  PushManager.prototype.subscribe = async function (options?: PushSubscriptionOptionsInit) {
    const key = new Uint8Array(options?.applicationServerKey as ArrayBuffer);
    state.askedKey = btoa(String.fromCharCode(...key)).replace(/\+/g, "-").replace(/\//g, "_").replace(/=+$/, "");
    remember(true);
    return subscription as unknown as PushSubscription;
  };
  PushManager.prototype.getSubscription = async () => (state.subscribed ? (subscription as unknown as PushSubscription) : null);
}

const rowFor = async (endpoint: string) => (await query<{ topics: string[] }>(`SELECT topics FROM "PushSubscription" WHERE endpoint = $1`, [endpoint]))[0] ?? null;

/** Push jobs about a story still on the queue (waiting, running or failed): none once its notifications are all sent. */
const pushJobsOf = async (articleId: number) =>
  (
    await query<{ n: number }>(
      `SELECT count(*)::int AS n FROM graphile_worker._private_jobs j JOIN graphile_worker._private_tasks t ON t.id = j.task_id WHERE t.identifier LIKE 'web-push.%' AND (j.payload->>'articleId')::int = $1`,
      [articleId],
    )
  )[0]?.n;

describe("Web Push opt-in in Chromium", inChromium, () => {
  let app: AppInstance;
  let browser: Browser;
  let storyPath: string;
  let service: PushService;
  const contexts: BrowserContext[] = [];

  beforeAll(async () => {
    service = await startPushService();
    [app, browser, storyPath] = await Promise.all([
      startAppInstance(inject("appDatabaseUrl"), { VAPID_PUBLIC_KEY: vapid.publicKey, VAPID_PRIVATE_KEY: vapid.privateKey, WEB_PUSH_ALLOW_PRIVATE_ADDRESSES: "1" }),
      launchBrowser(),
      demoStoryPath(STORY),
    ]);
  }, 180_000);
  afterAll(async () => {
    for (const context of contexts) await context.close();
    await browser?.close();
    await app?.stop();
    await service?.close();
  });

  async function readerPage(width: number, fake: BrowserSubscription, permission: "granted" | "none" = "granted"): Promise<{ context: BrowserContext; page: Page }> {
    const context = await browser.newContext({ viewport: { width, height: 900 }, locale: "ko-KR", ...(width < 600 ? { isMobile: true, hasTouch: true } : {}) });
    contexts.push(context);
    if (permission === "granted") await context.grantPermissions(["notifications"], { origin: app.baseUrl });
    await context.addInitScript(stubPushManager, fake);
    const page = await context.newPage();
    await page.goto(`${app.baseUrl}${storyPath}`);
    return { context, page };
  }

  it("asks nothing on load; the button opens the topics, 알림 켜기 registers the worker and sends the subscription and topics (1280 px)", async () => {
    const fake = service.subscribe();
    const { page } = await readerPage(1280, fake);
    const policy = (await page.request.get(`${app.baseUrl}${storyPath}`)).headers()["content-security-policy"];
    expect(policy).toContain("worker-src 'self'");
    // Nothing on load: no worker, no subscription asked for.
    expect(await page.evaluate(async () => (await navigator.serviceWorker.getRegistrations()).length)).toBe(0);
    expect(await page.evaluate(() => (window as unknown as { pushStub: { askedKey: string } }).pushStub.askedKey)).toBe("");

    await page.locator(".article__push").getByRole("button", { name: "알림 받기" }).click();
    const dialog = page.getByRole("dialog", { name: "알림 받기" });
    await expect.poll(() => dialog.isVisible()).toBe(true);
    const labels = await dialog.locator("label").allTextContents();
    expect(labels.map((label) => label.trim())).toEqual(["속보", expect.stringMatching(/ 섹션$/), expect.stringMatching(/ 기자$/)]);
    expect(await dialog.getByLabel("속보").isChecked()).toBe(true);
    await dialog.getByLabel(/ 섹션$/).check();
    await page.screenshot({ path: await screenshotPath("push-opt-in-dialog-1280") });
    await dialog.getByRole("button", { name: "알림 켜기" }).click();
    await eventually(() => dialog.getByRole("status").textContent()).toContain("알림을 켰습니다");

    const row = await rowFor(fake.endpoint);
    const sectionTopic = await page.evaluate(() => JSON.parse(localStorage.getItem("push-topics") ?? "[]") as string[]);
    expect(row?.topics).toEqual(sectionTopic);
    expect(row?.topics[0]).toBe("breaking");
    expect(row?.topics[1]).toMatch(/^section:\d+$/);
    expect(await page.evaluate(() => (window as unknown as { pushStub: { askedKey: string } }).pushStub.askedKey)).toBe(vapid.publicKey);
    const registration = await page.evaluate(async () => {
      const found = await navigator.serviceWorker.ready;
      return { scope: found.scope, script: found.active?.scriptURL };
    });
    expect(registration).toEqual({ scope: `${app.baseUrl}/`, script: `${app.baseUrl}/push-sw.js` });
  });

  it("the worker shows a pushed story's notification and opens the story on a click; 알림 끄기 deletes the subscription (360 px)", async () => {
    const fake = service.subscribe();
    const { context, page } = await readerPage(PHONE.width, fake);
    expect(await overflowPastScreen(page, PHONE.width)).toBe(0);
    await page.locator(".article__push").getByRole("button", { name: "알림 받기" }).click();
    const dialog = page.getByRole("dialog", { name: "알림 받기" });
    await dialog.getByLabel(/ 기자$/).check();
    await page.screenshot({ path: await screenshotPath("push-opt-in-dialog-360") });
    await dialog.getByRole("button", { name: "알림 켜기" }).click();
    await eventually(() => dialog.getByRole("status").textContent()).toContain("알림을 켰습니다");
    expect((await rowFor(fake.endpoint))?.topics).toEqual(["breaking", expect.stringMatching(/^reporter:\d+$/)]);

    // A push delivered to the worker as the push service would (DevTools protocol): it shows the notification.
    const cdp = await context.newCDPSession(page);
    const registrationId = new Promise<string>((resolve) => cdp.on("ServiceWorker.workerRegistrationUpdated", ({ registrations }) => registrations[0] && resolve(registrations[0].registrationId)));
    await cdp.send("ServiceWorker.enable");
    const payload = { title: "[속보] 시험 알림 제목", body: "시험 알림 본문", url: storyPath, icon: "/publisher-logo.png", tag: "story-e2e" };
    await cdp.send("ServiceWorker.deliverPushMessage", { origin: app.baseUrl, registrationId: await registrationId, data: JSON.stringify(payload) });
    const shown = () => page.evaluate(async () => (await (await navigator.serviceWorker.ready).getNotifications()).map((n) => ({ title: n.title, body: n.body, tag: n.tag, url: (n.data as { url: string }).url })));
    await eventually(shown).toEqual([{ title: payload.title, body: payload.body, tag: payload.tag, url: storyPath }]);

    // Its click handler, run in the worker, with the story no longer open in a tab with the browser's window calls observed (a synthetic event may not open windows).
    await page.goto(`${app.baseUrl}/`);
    const worker = context.serviceWorkers()[0]!;
    const opened = await worker.evaluate(async () => {
      // The worker's globals (the project's TypeScript settings know the window's, not a worker's).
      const scope = self as unknown as {
        clients: { openWindow: (url: string) => Promise<unknown> };
        registration: ServiceWorkerRegistration;
        dispatchEvent: (event: Event) => boolean;
        ExtendableEvent: { prototype: { waitUntil: (promise: Promise<unknown>) => void } };
        NotificationEvent: new (type: string, init: { notification: Notification }) => Event;
      };
      const calls: string[] = [];
      const waits: Promise<unknown>[] = [];
      scope.clients.openWindow = async (url: string) => void calls.push(String(url));
      scope.ExtendableEvent.prototype.waitUntil = (promise: Promise<unknown>) => void waits.push(promise);
      const [notification] = await scope.registration.getNotifications();
      scope.dispatchEvent(new scope.NotificationEvent("notificationclick", { notification: notification! }));
      await Promise.all(waits);
      return { calls, left: (await scope.registration.getNotifications()).length };
    });
    expect(opened).toEqual({ calls: [`${app.baseUrl}${storyPath}`], left: 0 });
    await page.goto(`${app.baseUrl}${storyPath}`);

    await page.locator(".article__push").getByRole("button", { name: "알림 받기" }).click();
    await dialog.getByRole("button", { name: "알림 끄기" }).click();
    await eventually(() => dialog.getByRole("status").textContent()).toContain("알림을 껐습니다");
    expect(await rowFor(fake.endpoint)).toBeNull();
  });

  it("says so in Korean when the browser has no push or the reader blocked notifications", async () => {
    const { page } = await readerPage(PHONE.width, service.subscribe(), "none");
    await page.evaluate(() => Object.defineProperty(Notification, "permission", { configurable: true, get: () => "denied" }));
    await page.locator(".article__push").getByRole("button", { name: "알림 받기" }).click();
    const dialog = page.getByRole("dialog", { name: "알림 받기" });
    await eventually(() => dialog.getByRole("alert").textContent()).toContain("알림이 차단되어 있습니다");
    await page.screenshot({ path: await screenshotPath("push-opt-in-blocked-360") });
    await dialog.getByRole("button", { name: "닫기" }).click();
    await page.evaluate(() => Reflect.deleteProperty(window, "PushManager"));
    await page.locator(".article__push").getByRole("button", { name: "알림 받기" }).click();
    await eventually(() => dialog.getByRole("alert").textContent()).toContain("알림을 지원하지 않습니다");
  });

  it("the desk's approval form offers the story's topics with the notification as a phone shows it (360 px)", async () => {
    const [submitted] = await query<{ id: number; headline: string }>(`SELECT id, headline FROM "Article" WHERE status = 'SUBMITTED' ORDER BY id LIMIT 1`);
    const context = await staffContext(browser, "phone", contexts);
    await signInStaff(context, "editor@newsroom.test");
    const page = await context.newPage();
    await page.goto(`${app.baseUrl}/newsroom/articles/${submitted!.id}`);
    const fields = page.getByTestId("push-fields");
    await fields.scrollIntoViewIfNeeded();
    const preview = page.getByTestId("push-preview");
    expect(await preview.locator(".review-push__title").textContent()).toBe(submitted!.headline.length <= 80 ? submitted!.headline : expect.stringMatching(/…$/));
    await fields.getByLabel("속보").check();
    await eventually(() => preview.locator(".review-push__title").textContent()).toMatch(/^\[속보\] /);
    expect(await fields.locator("label").count()).toBeGreaterThanOrEqual(3);
    expect(await overflowPastScreen(page, PHONE.width)).toBe(0);
    await fields.screenshot({ path: await screenshotPath("desk-push-choice-360") });
  });

  it("the footer offers 속보 and every section; 알림 켜기 there subscribes this browser to all it ticked (360 and 1280 px)", async () => {
    for (const width of [PHONE.width, 1280]) {
      const fake = service.subscribe();
      const { page } = await readerPage(width, fake);
      const footer = page.locator(".site-footer");
      const sectionLinks = footer.locator('.site-footer__links a[href^="/sections/"]');
      const names = (await sectionLinks.allTextContents()).map((name) => name.trim());
      const slugs = (await sectionLinks.evaluateAll((links) => links.map((link) => link.getAttribute("href") ?? ""))).map((href) => href.replace("/sections/", ""));
      expect(names.length).toBeGreaterThan(0);
      await footer.getByRole("button", { name: "속보·섹션 알림 받기" }).click();
      const dialog = page.getByRole("dialog", { name: "알림 받기" });
      await expect.poll(() => dialog.isVisible()).toBe(true);
      const labels = dialog.locator(".push-opt-in__topics label");
      expect((await labels.allTextContents()).map((label) => label.trim())).toEqual(["속보", ...names.map((name) => `${name} 섹션`)]);
      // Nothing chosen before on this device: 속보 alone is ticked.
      expect(await dialog.locator("input:checked").evaluateAll((boxes) => boxes.map((box) => (box as HTMLInputElement).value))).toEqual(["breaking"]);
      for (const name of names) await dialog.getByLabel(`${name} 섹션`, { exact: true }).check();
      if (width === PHONE.width) expect(await overflowPastScreen(page, PHONE.width)).toBe(0);
      await page.screenshot({ path: await screenshotPath(`push-footer-dialog-${width}`) });
      await dialog.getByRole("button", { name: "알림 켜기" }).click();
      await eventually(() => dialog.getByRole("status").textContent()).toContain("알림을 켰습니다");
      const ids = new Map((await query<{ id: number; slug: string }>(`SELECT id, slug FROM "Section" WHERE slug = ANY($1)`, [slugs])).map((row) => [row.slug, row.id]));
      expect((await rowFor(fake.endpoint))?.topics).toEqual(["breaking", ...slugs.map((slug) => `section:${ids.get(slug)}`)]);
    }
  });

  it("a subscription the push service replaces: the worker subscribes again with the old key and the server moves the topics (pushsubscriptionchange)", async () => {
    const old = service.subscribe();
    const { context, page } = await readerPage(1280, old);
    await page.locator(".article__push").getByRole("button", { name: "알림 받기" }).click();
    const dialog = page.getByRole("dialog", { name: "알림 받기" });
    await dialog.getByLabel(/ 섹션$/).check();
    await dialog.getByRole("button", { name: "알림 켜기" }).click();
    await eventually(() => dialog.getByRole("status").textContent()).toContain("알림을 켰습니다");
    const topics = (await rowFor(old.endpoint))!.topics;
    expect(topics).toEqual(["breaking", expect.stringMatching(/^section:\d+$/)]);

    const [rotated, again] = [service.subscribe(), service.subscribe()];
    const worker = context.serviceWorkers()[0] ?? (await context.waitForEvent("serviceworker"));
    const asked = await worker.evaluate(
      async ({ old, rotated, again, key }) => {
        // The worker's globals (the project's TypeScript settings know the window's, not a worker's).
        const scope = self as unknown as {
          dispatchEvent: (event: Event) => boolean;
          ExtendableEvent: { new (type: string): Event; prototype: { waitUntil: (promise: Promise<unknown>) => void } };
          PushManager: { prototype: { subscribe: (options: { applicationServerKey: ArrayBuffer }) => Promise<unknown> } };
        };
        const base64url = (buffer: ArrayBuffer) => btoa(String.fromCharCode(...new Uint8Array(buffer))).replace(/\+/g, "-").replace(/\//g, "_").replace(/=+$/, "");
        const bytes = (text: string) => Uint8Array.from(atob(text.replace(/-/g, "+").replace(/_/g, "/")), (c) => c.charCodeAt(0)).buffer;
        const subscriptionOf = (made: { endpoint: string; keys: { p256dh: string; auth: string } }, applicationServerKey: ArrayBuffer) => ({
          endpoint: made.endpoint,
          options: { userVisibleOnly: true, applicationServerKey },
          toJSON: () => ({ endpoint: made.endpoint, expirationTime: null, keys: made.keys }),
        });
        // Headless Chromium has no push service: the worker's subscribe() answers with the stand-in's new subscription.
        const keysAsked: string[] = [];
        scope.PushManager.prototype.subscribe = async (options) => {
          keysAsked.push(base64url(options.applicationServerKey));
          return subscriptionOf(rotated, options.applicationServerKey);
        };
        const waits: Promise<unknown>[] = [];
        scope.ExtendableEvent.prototype.waitUntil = (promise: Promise<unknown>) => void waits.push(promise);
        const change = async (oldSubscription: unknown, newSubscription: unknown) => {
          const event = new scope.ExtendableEvent("pushsubscriptionchange");
          Object.defineProperties(event, { oldSubscription: { value: oldSubscription }, newSubscription: { value: newSubscription } });
          scope.dispatchEvent(event);
          await Promise.all(waits.splice(0));
        };
        // Rotated with no new subscription given: the worker makes one with the old one's key.
        await change(subscriptionOf(old, bytes(key)), null);
        // Rotated again, this time with the new subscription in the event: nothing to subscribe.
        await change(subscriptionOf(rotated, bytes(key)), subscriptionOf(again, bytes(key)));
        return keysAsked;
      },
      { old, rotated, again, key: vapid.publicKey },
    );
    expect(asked).toEqual([vapid.publicKey]);
    expect(await rowFor(old.endpoint)).toBeNull();
    expect(await rowFor(rotated.endpoint)).toBeNull();
    expect((await rowFor(again.endpoint))?.topics).toEqual(topics);
  });

  for (const kind of ["desktop", "phone"] as const) {
    it(`the desk ticks 속보 and the section, approves, and a browser following both gets exactly one notification it can decrypt; an update pushes nothing more, the topics show 보냄 and are locked (${kind})`, async () => {
      const context = await staffContext(browser, kind, contexts);
      const staffPage = await signInStaff(context, "editor@newsroom.test");
      const headline = `구청 야간 민원실 운영 알림 시험 ${kind} ${Date.now().toString(36)}`;
      const id = await createSubmittedStory(staffPage, headline);
      const [story] = await query<{ sectionId: number; sectionName: string }>(`SELECT a."sectionId", s.name AS "sectionName" FROM "Article" a JOIN "Section" s ON s.id = a."sectionId" WHERE a.id = $1`, [id]);
      // A reader's browser that follows 속보 and the story's section, made here with the stand-in's keys.
      const reader = service.subscribe();
      await query(`INSERT INTO "PushSubscription" (id, endpoint, p256dh, auth, topics) VALUES ($1, $2, $3, $4, $5)`, [`e2e-${randomBytes(9).toString("hex")}`, reader.endpoint, reader.keys.p256dh, reader.keys.auth, ["breaking", `section:${story!.sectionId}`]]);
      const received = () => service.received.filter((push) => push.endpoint === reader.endpoint);

      const page = await context.newPage();
      await page.goto(`${app.baseUrl}/newsroom/articles/${id}`);
      const approval = page.locator('[data-action="approve"]');
      const fields = approval.getByTestId("push-fields");
      const preview = approval.getByTestId("push-preview");
      await fields.scrollIntoViewIfNeeded();
      expect(await preview.locator(".review-push__title").textContent()).toBe(headline);
      await fields.getByLabel("속보").check();
      await fields.getByLabel(`${story!.sectionName} 섹션`).check();
      await eventually(() => preview.locator(".review-push__title").textContent()).toBe(`[속보] ${headline}`);
      if (kind === "phone") expect(await overflowPastScreen(page, PHONE.width)).toBe(0);
      await fields.screenshot({ path: await screenshotPath(`desk-push-approve-${kind}`) });
      await approval.getByRole("button", { name: "승인", exact: true }).click();

      await eventually(() => received().length).toBe(1);
      await eventually(() => pushJobsOf(id)).toBe(0);
      const { article } = await staffApi<{ article: { url: string; version: number } }>(staffPage, "GET", `/api/v1/articles/${id}`);
      expect(received()).toHaveLength(1);
      expect(received()[0]!.payload).toEqual({ title: `[속보] ${headline}`, body: expect.any(String), url: new URL(article.url).pathname, icon: "/publisher-logo.png", tag: `story-${id}` });
      expect(received()[0]!.headers.urgency).toBe("high");
      expect(await query<{ topic: string }>(`SELECT topic FROM "PushStoryTopic" WHERE "articleId" = $1 AND "sentAt" IS NOT NULL ORDER BY topic`, [id])).toEqual([{ topic: "breaking" }, { topic: `section:${story!.sectionId}` }]);

      // An update of the same story: both topics show 보냄 and cannot be ticked.
      await staffApi(staffPage, "PATCH", `/api/v1/articles/${id}`, { version: article.version, headline: `${headline} (2보)` });
      await page.goto(`${app.baseUrl}/newsroom/articles/${id}`);
      const update = page.locator('[data-action="approveUpdate"]');
      const sent = update.getByTestId("push-fields");
      await sent.scrollIntoViewIfNeeded();
      for (const label of ["속보", `${story!.sectionName} 섹션`]) {
        expect(await sent.locator("label", { hasText: label }).textContent()).toContain("(보냄)");
        expect(await sent.getByLabel(label).isDisabled()).toBe(true);
      }
      await sent.screenshot({ path: await screenshotPath(`desk-push-sent-${kind}`) });
      // Even a form that sends the topics again (unlocked by hand, as a stale or forged form would) pushes nothing more.
      await sent.locator('input[name="pushTopics"]').evaluateAll((boxes) => boxes.forEach((box) => ((box as HTMLInputElement).disabled = false)));
      await sent.getByLabel("속보").check();
      await sent.getByLabel(`${story!.sectionName} 섹션`).check();
      await update.getByRole("button", { name: "수정 승인", exact: true }).click();
      await eventually(async () => (await staffApi<{ article: { hasPendingUpdate: boolean } }>(staffPage, "GET", `/api/v1/articles/${id}`)).article.hasPendingUpdate).toBe(false);
      expect(await pushJobsOf(id)).toBe(0);
      expect(received()).toHaveLength(1);
      expect(await query(`SELECT topic FROM "PushStoryTopic" WHERE "articleId" = $1`, [id])).toHaveLength(2);
      // Leave the shared front page as other test files expect it.
      await staffApi(staffPage, "POST", `/api/v1/articles/${id}/unpublish`, { reason: "시험 정리" });
    });
  }
});
