// Sharing a story the way Korean readers do, in Chromium: the 공유 button opens the device's own
// share sheet (Web Share API; stubbed in the page to observe the call) and copies the address
// where there is none; Band, X and Facebook links; KakaoTalk through Kakao's SDK only when the
// operator set a Kakao key, the SDK fetched only when the button is used and allowed by the
// Content-Security-Policy only then.
import type { Browser, BrowserContext, Page, Request } from "playwright-core";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { KAKAO_SDK } from "@/lib/share/kakao-sdk";
import { startAppInstance, type AppInstance } from "../support/app-instance";
import { browserTestsEnabled, launchBrowser, screenshotPath } from "../support/browser";

const baseUrl = inject("appBaseUrl");
const databaseUrl = inject("appDatabaseUrl");
const KAKAO_KEY = "0123456789abcdef0123456789abcdef";

/** A published demo story's address on this site (the top story of the front page). */
async function storyPath(page: Page, base: string): Promise<string> {
  await page.goto(`${base}/`);
  return new URL((await page.locator(".top-story__headline a").getAttribute("href")) ?? "/", base).pathname;
}

const kakaoRequests = (requests: Request[]) => requests.filter((request) => /kakao/i.test(request.url()));

describe.skipIf(!browserTestsEnabled)("sharing a story in Chromium", () => {
  let browser: Browser;
  const contexts: BrowserContext[] = [];
  let path: string;

  const newPage = async (width: number, init?: () => void) => {
    const context = await browser.newContext({ viewport: { width, height: 900 }, ...(width < 600 ? { isMobile: true, hasTouch: true } : {}) });
    contexts.push(context);
    if (init) await context.addInitScript(init);
    return { context, page: await context.newPage() };
  };

  beforeAll(async () => {
    browser = await launchBrowser();
    const { page } = await newPage(1280);
    path = await storyPath(page, baseUrl);
  });
  afterAll(async () => {
    for (const context of contexts) await context.close();
    await browser?.close();
  });

  it("on a phone, 공유 opens the share sheet with the headline and the canonical address", async () => {
    const { page } = await newPage(360, () => {
      const shared: ShareData[] = [];
      Object.assign(window, { sharedByTest: shared });
      Object.defineProperty(navigator, "share", { configurable: true, value: async (data: ShareData) => void shared.push(data) });
    });
    await page.goto(`${baseUrl}${path}`);
    const canonical = await page.locator('head link[rel="canonical"]').getAttribute("href");
    const headline = await page.locator("h1").textContent();
    await page.getByRole("button", { name: "공유", exact: true }).click();
    await expect.poll(() => page.evaluate(() => (window as unknown as { sharedByTest: ShareData[] }).sharedByTest)).toEqual([{ title: headline, url: canonical }]);
    // Nothing was copied instead, and no notice was shown.
    expect(await page.locator(".article-tools__status").textContent()).toBe("");
    await page.screenshot({ path: await screenshotPath("reader-share-360"), fullPage: false });
    await page.locator(".article__share").scrollIntoViewIfNeeded();
    await page.locator(".article__share").screenshot({ path: await screenshotPath("reader-share-links-360") });
  });

  it("closing the share sheet does nothing; a sheet that refuses falls back to copying", async () => {
    const { context, page } = await newPage(360, () => {
      let calls = 0;
      Object.defineProperty(navigator, "share", {
        configurable: true,
        value: async () => {
          calls++;
          throw new DOMException(calls === 1 ? "closed" : "not allowed", calls === 1 ? "AbortError" : "NotAllowedError");
        },
      });
    });
    await context.grantPermissions(["clipboard-read", "clipboard-write"], { origin: baseUrl });
    await page.goto(`${baseUrl}${path}`);
    const button = page.getByRole("button", { name: "공유", exact: true });
    await button.click();
    await page.evaluate(() => navigator.clipboard.writeText("이전 내용"));
    expect(await page.locator(".article-tools__status").textContent()).toBe("");
    await button.click();
    await expect.poll(() => page.locator(".article-tools__status").textContent()).toContain("기사 주소를 복사했습니다");
    expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(`${baseUrl}${path}`);
  });

  it("without a share sheet (a computer), 공유 copies the address and says so", async () => {
    const { context, page } = await newPage(1280, () => {
      // Whatever this Chromium build offers, this is a browser without the Web Share API.
      Reflect.deleteProperty(Navigator.prototype, "share");
    });
    await context.grantPermissions(["clipboard-read", "clipboard-write"], { origin: baseUrl });
    await page.goto(`${baseUrl}${path}`);
    expect(await page.evaluate(() => typeof navigator.share)).toBe("undefined");
    await page.getByRole("button", { name: "공유", exact: true }).click();
    const status = page.locator(".article-tools__status");
    await expect.poll(() => status.textContent()).toBe("기사 주소를 복사했습니다. 원하는 곳에 붙여 넣으세요.");
    expect(await status.isVisible()).toBe(true);
    expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(`${baseUrl}${path}`);
    await page.screenshot({ path: await screenshotPath("reader-share-copied-1280"), fullPage: false });
  });

  it("Band, X and Facebook links carry the canonical address; without a Kakao key there is no Kakao button, script, request or CSP allowance", async () => {
    const { page } = await newPage(1280);
    const requests: Request[] = [];
    page.on("request", (request) => requests.push(request));
    const response = await page.goto(`${baseUrl}${path}`);
    const canonical = `${baseUrl}${path}`;
    const links = page.locator(".share-links a");
    expect(await links.allTextContents()).toEqual(["밴드", "X", "페이스북"]);
    const band = new URL((await links.nth(0).getAttribute("href")) ?? "");
    expect(band.hostname).toBe("band.us");
    expect(band.searchParams.get("body")).toContain(canonical);
    expect(await links.nth(1).getAttribute("href")).toContain(encodeURIComponent(canonical));
    expect(await links.nth(2).getAttribute("href")).toContain(encodeURIComponent(canonical));

    expect(await page.getByRole("button", { name: "카카오톡" }).count()).toBe(0);
    await page.getByRole("button", { name: "공유", exact: true }).click();
    expect(response?.headers()["content-security-policy"]).not.toMatch(/kakao/i);
    expect(await page.locator("script[src*='kakao']").count()).toBe(0);
    expect(await page.content()).not.toContain("kakaocdn");
    expect(kakaoRequests(requests).map((request) => request.url())).toEqual([]);
    await page.locator(".article__share").screenshot({ path: await screenshotPath("reader-share-links-1280") });
  });

  describe("with the operator's Kakao key (a second app instance with KAKAO_JS_KEY)", () => {
    let app: AppInstance;

    beforeAll(async () => {
      app = await startAppInstance(databaseUrl, { KAKAO_JS_KEY: KAKAO_KEY });
    });
    afterAll(async () => {
      await app?.stop();
    });

    it("the CSP allows Kakao's SDK host, API and sharer page; the page stays the same for every reader (cached)", async () => {
      const first = await fetch(`${app.baseUrl}${path}`);
      const policy = first.headers.get("content-security-policy") ?? "";
      expect(policy).toMatch(/script-src [^;]*https:\/\/t1\.kakaocdn\.net/);
      expect(policy).toMatch(/connect-src 'self' https:\/\/kapi\.kakao\.com/);
      expect(policy).toMatch(/form-action 'self' https:\/\/sharer\.kakao\.com/);
      const html = await first.text();
      expect(html).toContain("카카오톡");
      // No Kakao script in the page: the SDK comes only when the button is used.
      expect(html).not.toContain(KAKAO_SDK.url);
      const second = await fetch(`${app.baseUrl}${path}`);
      expect(second.headers.get("x-cache")).toBe("HIT");
      expect(second.headers.get("content-security-policy")).toMatch(/kapi\.kakao\.com/);
      // Other pages of that instance carry the same allowance (the setting is the site's).
      expect((await fetch(`${app.baseUrl}/`)).headers.get("content-security-policy")).toMatch(/t1\.kakaocdn\.net/);
    });

    it("the SDK is fetched only when the button is pressed, pinned with its integrity hash; a refused SDK gets a Korean notice", async () => {
      const { page } = await newPage(360);
      const requests: Request[] = [];
      page.on("request", (request) => requests.push(request));
      // No internet here: Kakao's CDN answers with a file that is not the pinned one, which the
      // browser must refuse by its integrity hash.
      await page.route("https://t1.kakaocdn.net/**", (route) => route.fulfill({ status: 200, contentType: "text/javascript", headers: { "access-control-allow-origin": "*" }, body: "window.Kakao = { tampered: true };" }));
      await page.goto(`${app.baseUrl}${path}`);
      const kakao = page.getByRole("button", { name: "카카오톡" });
      await kakao.scrollIntoViewIfNeeded();
      expect(kakaoRequests(requests)).toEqual([]);
      expect(await page.locator("script[src*='kakao']").count()).toBe(0);
      await page.locator(".article__share").screenshot({ path: await screenshotPath("reader-share-links-kakao-360") });

      await kakao.click();
      await expect.poll(() => kakaoRequests(requests).map((request) => request.url())).toEqual([KAKAO_SDK.url]);
      await expect.poll(() => page.locator(".share-links__status").textContent()).toContain("카카오톡 공유를 열지 못했습니다");
      expect(await page.evaluate(() => "Kakao" in window)).toBe(false);
      // The refused script was removed; pressing again tries again, with the same attributes.
      await page.evaluate(() => {
        const seen: Record<string, string | null>[] = [];
        Object.assign(window, { kakaoScriptsByTest: seen });
        new MutationObserver((records) => {
          for (const node of records.flatMap((record) => [...record.addedNodes])) {
            if (node instanceof HTMLScriptElement) seen.push({ src: node.src, integrity: node.integrity, crossorigin: node.getAttribute("crossorigin") });
          }
        }).observe(document.head, { childList: true });
      });
      await kakao.click();
      await expect
        .poll(() => page.evaluate(() => (window as unknown as { kakaoScriptsByTest: unknown[] }).kakaoScriptsByTest))
        .toEqual([{ src: KAKAO_SDK.url, integrity: KAKAO_SDK.integrity, crossorigin: "anonymous" }]);
    });

    it("with the SDK in the page, the button starts it with the key and shares the canonical address", async () => {
      const { page } = await newPage(360, () => {
        const calls: unknown[][] = [];
        let initialized = false;
        Object.assign(window, {
          kakaoCallsByTest: calls,
          Kakao: {
            init: (key: string) => {
              initialized = true;
              calls.push(["init", key]);
            },
            isInitialized: () => initialized,
            Share: { sendScrap: (options: unknown) => calls.push(["sendScrap", options]) },
          },
        });
      });
      await page.goto(`${app.baseUrl}${path}`);
      const kakao = page.getByRole("button", { name: "카카오톡" });
      await kakao.click();
      await kakao.click();
      const canonical = `${app.baseUrl}${path}`;
      await expect
        .poll(() => page.evaluate(() => (window as unknown as { kakaoCallsByTest: unknown[][] }).kakaoCallsByTest))
        .toEqual([["init", KAKAO_KEY], ["sendScrap", { requestUrl: canonical }], ["sendScrap", { requestUrl: canonical }]]);
    });
  });
});
