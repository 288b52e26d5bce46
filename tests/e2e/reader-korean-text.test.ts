// Korean text on the reader pages breaks between words (어절), never inside one, at a phone's
// 360 px and a desktop's 1280 px: headings, menus, the footer's labels, bylines, story text and
// readers' comments. Long tokens (an address, a long number) still wrap inside their box.
// Measured per character with DOM Ranges (tests/support/word-splits.ts).
import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { browserTestsEnabled, launchBrowser, screenshotPath } from "../support/browser";
import { createReaderStory } from "../support/reader-story";
import { measureWordWrap } from "../support/word-splits";

const baseUrl = inject("appBaseUrl");
const databaseUrl = inject("appDatabaseUrl");

const LONG_URL = `https://www.example.com/${"long-path-segment-".repeat(8)}end?query=1234567890`;
const LONG_NUMBER = "12345678901234567890123456789012345678901234567890";
const COMMENTS = [
  // Long enough for several lines at either width, so that a browser breaking Korean anywhere
  // (word-break: normal) is bound to split some word.
  {
    nickname: "고양시민",
    body: "주민 설명회를 한 번 더 열었으면 좋겠습니다. 사업 일정과 보상 기준을 직접 듣고 싶은 사람이 많습니다. 평일 낮에는 일하는 사람들이 참석하기 어려우니 저녁이나 주말에도 열었으면 합니다. 공사 기간에 산책로를 돌아가는 길도 미리 알려 주시고, 상가 보상은 언제부터 신청할 수 있는지 누리집에 자세히 올려 주시면 고맙겠습니다.",
  },
  { nickname: "자료찾기", body: `원문 자료는 ${LONG_URL} 에 있고, 접수 번호는 ${LONG_NUMBER} 입니다.` },
];

describe.skipIf(!browserTestsEnabled)("Korean line breaking on the reader pages", () => {
  let browser: Browser;
  let story: { id: number; path: string };
  let reporterPath: string;
  let sectionPath: string;

  beforeAll(async () => {
    browser = await launchBrowser();
    story = await createReaderStory(databaseUrl, {
      headline: "고양시 일산 호수공원 둘레길 새 단장, 주민 설명회에서 보상 기준 처음 공개",
      paragraphs: [
        "[누리일보 이준혁 기자] 고양시가 일산 호수공원 둘레길을 새로 단장한다. 시는 지난 5일 주민 설명회를 열어 공사 일정과 통행 제한 구간, 인근 상가에 대한 보상 기준을 처음으로 공개했다.",
        "설명회에 참석한 주민들은 공사 기간 동안 산책로를 우회하는 길이 충분히 안내되어야 한다고 입을 모았다. 시는 다음 달까지 안내판을 세우고, 공사 구간을 누리집에 매주 알리겠다고 밝혔다.",
      ],
      authorEmail: "reporter@newsroom.test",
      sectionSlug: "local",
      correctionNote: "처음 기사에서 설명회 날짜를 4일로 적었으나 5일이 맞아 바로잡습니다. 독자 여러분께 혼란을 드려 죄송합니다.",
      comments: COMMENTS,
    });
  });
  afterAll(async () => {
    await browser?.close();
  });

  async function open(page: Page, path: string) {
    const response = await page.goto(`${baseUrl}${path}`);
    expect(response?.status(), path).toBe(200);
  }

  /** The story is public once the app has heard the event that drops its cached pages. */
  async function openStory(page: Page) {
    await expect.poll(async () => (await page.goto(`${baseUrl}${story.path}`))?.status(), { timeout: 15_000 }).toBe(200);
    // The comments are an island that loads after the page.
    await page.locator(".comment__body", { hasText: "열었으면" }).waitFor();
    await page.locator(".comment__body", { hasText: LONG_NUMBER }).waitFor();
    reporterPath = new URL((await page.locator(".article__bylines a").first().getAttribute("href")) ?? "/", baseUrl).pathname;
    sectionPath = new URL((await page.locator(".article__section a").getAttribute("href")) ?? "/", baseUrl).pathname;
  }

  async function expectNoSplitWords(page: Page, where: string) {
    const report = await measureWordWrap(page);
    expect(report.characters, `${where}: characters measured`).toBeGreaterThan(200);
    expect.soft(report.splits.map((split) => `${split.lines.join(" / ")}  (in: ${split.context})`), `${where}: words broken across lines`).toEqual([]);
    expect.soft(report.longTokens.filter((token) => !token.fits).map((token) => token.word), `${where}: long tokens sticking out of their box`).toEqual([]);
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
    expect(overflow, `${where}: sideways scrolling`).toBeLessThanOrEqual(0);
    return report;
  }

  for (const width of [360, 1280]) {
    it(`at ${width} px no word is broken on the story, its comments, the corrections, section, reporter, search and home pages`, async () => {
      const page = await browser.newPage({ viewport: { width, height: 900 }, ...(width === 360 ? { isMobile: true, hasTouch: true } : {}) });
      try {
        await openStory(page);
        const report = await expectNoSplitWords(page, `story ${width}`);
        if (width === 360) {
          // The long address and number cannot fit a phone's line: they wrap, inside the comment.
          expect(report.longTokens.map((token) => token.word).sort()).toEqual([LONG_NUMBER, LONG_URL].sort());
        }
        await page.screenshot({ path: await screenshotPath(`reader-article-${width}`), fullPage: true });
        await page.locator(".site-footer").screenshot({ path: await screenshotPath(`reader-footer-${width}`) });

        await open(page, "/corrections");
        await page.locator('[data-testid="corrections-list"]', { hasText: "바로잡습니다" }).waitFor();
        await expectNoSplitWords(page, `/corrections ${width}`);
        await page.screenshot({ path: await screenshotPath(`reader-corrections-${width}`), fullPage: width === 360 ? false : true });

        for (const path of [sectionPath, reporterPath, `/search?q=${encodeURIComponent("호수공원 둘레길")}`, "/"]) {
          await open(page, path);
          await expectNoSplitWords(page, `${path} ${width}`);
        }
      } finally {
        await page.close();
      }
    });
  }
});
