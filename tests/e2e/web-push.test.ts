// Readers' Web Push in Chromium, the page's side. Headless Chromium has no push service, so
// pushManager.subscribe() is stubbed in the page to hand back a subscription made here the way a
// browser makes one (a P-256 key pair and an auth secret); everything else is the real thing: the
// button (no permission prompt on load), the topic dialog, the permission request on the click,
// the service worker (public/push-sw.js) registered for the whole site under the CSP, what the page
// POSTs to the server and the row the server keeps, the worker's push handler (a push delivered
// through the DevTools protocol shows the notification) and its click handler (opens the story),
// and unsubscribing. The server's side (VAPID, encryption, delivery, expiry, the desk's choice,
// the limits) is tests/integration/web-push.test.ts with a push service's stand-in.
// An app instance of its own, started with a VAPID key pair (the shared e2e app has none).
import { createECDH, randomBytes } from "node:crypto";
import type { Browser, BrowserContext, Page } from "playwright-core";
import webpush from "web-push";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { startAppInstance, type AppInstance } from "../support/app-instance";
import { demoStoryPath, query } from "../support/app-database";
import { inChromium, launchBrowser, screenshotPath } from "../support/browser";
import { eventually, overflowPastScreen, PHONE, signInStaff, staffContext } from "../support/newsroom-phone";

const vapid = webpush.generateVAPIDKeys();
const STORY = "도시철도 연장선 예비타당성";

interface FakeBrowserPush {
  endpoint: string;
  keys: { p256dh: string; auth: string };
}

/** A subscription as a browser's push service would give it (the endpoint is never called here). */
function fakeSubscription(): FakeBrowserPush {
  const ecdh = createECDH("prime256v1");
  ecdh.generateKeys();
  return { endpoint: `https://fcm.googleapis.com/fcm/send/e2e-${randomBytes(9).toString("base64url")}`, keys: { p256dh: ecdh.getPublicKey().toString("base64url"), auth: randomBytes(16).toString("base64url") } };
}

/** Stands in for the browser's push service: subscribe() and getSubscription() answer with `fake`, and what the page asked for is kept. */
function stubPushManager(fake: FakeBrowserPush) {
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

describe("Web Push opt-in in Chromium", inChromium, () => {
  let app: AppInstance;
  let browser: Browser;
  let storyPath: string;
  const contexts: BrowserContext[] = [];

  beforeAll(async () => {
    [app, browser, storyPath] = await Promise.all([startAppInstance(inject("appDatabaseUrl"), { VAPID_PUBLIC_KEY: vapid.publicKey, VAPID_PRIVATE_KEY: vapid.privateKey }), launchBrowser(), demoStoryPath(STORY)]);
  }, 180_000);
  afterAll(async () => {
    for (const context of contexts) await context.close();
    await browser?.close();
    await app?.stop();
  });

  async function readerPage(width: number, fake: FakeBrowserPush, permission: "granted" | "none" = "granted"): Promise<{ context: BrowserContext; page: Page }> {
    const context = await browser.newContext({ viewport: { width, height: 900 }, locale: "ko-KR", ...(width < 600 ? { isMobile: true, hasTouch: true } : {}) });
    contexts.push(context);
    if (permission === "granted") await context.grantPermissions(["notifications"], { origin: app.baseUrl });
    await context.addInitScript(stubPushManager, fake);
    const page = await context.newPage();
    await page.goto(`${app.baseUrl}${storyPath}`);
    return { context, page };
  }

  it("asks nothing on load; the button opens the topics, 알림 켜기 registers the worker and sends the subscription and topics (1280 px)", async () => {
    const fake = fakeSubscription();
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
    const fake = fakeSubscription();
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
    const { page } = await readerPage(PHONE.width, fakeSubscription(), "none");
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
});
