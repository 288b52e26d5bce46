// Never lose a word, in Chromium: offline writing kept on the device and saved when the network
// returns; a tab that dies mid-sentence before the autosave (no pagehide), every character back on
// reopening;
// two tabs saving the same story get the conflict screen instead of overwriting; the desk taking
// a story over turns the reporter's editor read-only with a notice.
import type { Browser, BrowserContext, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { inChromium, launchBrowser, screenshotPath } from "../support/browser";
import { articleIdOf, blocks, newStaffPage, openEditor, query, saveStatus, storedArticle, waitUntilSaved } from "../support/editor-e2e";

describe("never lose a word", inChromium, () => {
  let browser: Browser;
  const contexts: BrowserContext[] = [];

  beforeAll(async () => {
    browser = await launchBrowser();
  });
  afterAll(async () => {
    await browser?.close();
  });

  /** A saved story of the intern's, open in `page`, with one paragraph. */
  async function savedStory(page: Page, headline: string, text: string): Promise<number> {
    await openEditor(page, "/newsroom/articles/new");
    await page.fill('input[name="headline"]', headline);
    await page.locator('[data-testid="editor-body"]').click();
    await page.keyboard.type(text);
    await page.click('[data-testid="save-button"]');
    await waitUntilSaved(page);
    return articleIdOf(page);
  }

  const bodyText = async (id: number) => (await storedArticle(id)).bodyText;

  /** The keys of this story's local backups in the page's storage (components/editor/local-backup.ts). */
  const backupsOnDevice = (page: Page, id: number) =>
    page.evaluate(async (articleId) => {
      const ofStory = (key: string) => key.endsWith(`:${articleId}`);
      const lastWords = Object.keys(localStorage).filter((key) => key.startsWith("newsroom-editor:last:") && ofStory(key));
      const database = await new Promise<IDBDatabase>((resolve, reject) => {
        const opening = indexedDB.open("newsroom-editor");
        opening.onsuccess = () => resolve(opening.result);
        opening.onerror = () => reject(opening.error);
      });
      const keys = await new Promise<IDBValidKey[]>((resolve, reject) => {
        const reading = database.transaction("backups").objectStore("backups").getAllKeys();
        reading.onsuccess = () => resolve(reading.result);
        reading.onerror = () => reject(reading.error);
      });
      database.close();
      return [...lastWords, ...keys.map(String).filter(ofStory)];
    }, id);

  it("offline: the status says the text is kept on this device; back online, it is saved", async () => {
    const page = await newStaffPage(browser, "intern@newsroom.test", contexts);
    const id = await savedStory(page, "지하철에서 쓰는 기사", "첫 문장은 저장됐다.");
    await page.context().setOffline(true);
    await page.keyboard.type(" 터널 안에서 쓴 둘째 문장.");
    await expect.poll(() => saveStatus(page), { timeout: 15_000 }).toBe("offline");
    expect(await page.textContent('[data-testid="save-status"]')).toBe("오프라인: 이 기기에 보관 중");
    await page.screenshot({ path: await screenshotPath("editor-offline") });
    expect(await bodyText(id)).toBe("첫 문장은 저장됐다.");

    await page.context().setOffline(false);
    await waitUntilSaved(page);
    expect(await bodyText(id)).toBe("첫 문장은 저장됐다. 터널 안에서 쓴 둘째 문장.");
  });

  it("offline, then the tab is closed: reopening offers the local backup, and restoring saves it", async () => {
    const page = await newStaffPage(browser, "intern@newsroom.test", contexts);
    const id = await savedStory(page, "오프라인에서 닫힌 탭", "저장된 문장.");
    await page.context().setOffline(true);
    await page.keyboard.type(" 오프라인에서 쓴 문장.");
    await expect.poll(() => saveStatus(page), { timeout: 15_000 }).toBe("offline");
    await page.close();
    await contexts.at(-1)!.setOffline(false);

    const again = await contexts.at(-1)!.newPage();
    await openEditor(again, `/newsroom/articles/${id}/edit`);
    // The request the closing page sent as it went (the browser sends it on its own once the
    // network is back) may land first: then the server has the sentence and nothing is offered.
    // Otherwise the editor offers the device's copy.
    const offered = again.locator('[data-testid="recover-backup"]');
    const whole = "저장된 문장. 오프라인에서 쓴 문장.";
    await expect.poll(async () => (await offered.count()) > 0 || (await bodyText(id)) === whole, { timeout: 20_000 }).toBe(true);
    if ((await offered.count()) > 0) {
      await again.screenshot({ path: await screenshotPath("editor-recover-backup") });
      await again.click('[data-testid="recover-backup"] >> text=되살리기');
      // That request may also land meanwhile: then restoring meets a newer version and the
      // reporter is asked, never overwritten.
      await expect.poll(() => saveStatus(again), { timeout: 20_000 }).toMatch(/^(saved|conflict)$/);
      if ((await saveStatus(again)) === "conflict") {
        await expect.poll(() => again.textContent('.conflict-row[data-field="본문"] [data-side="mine"]')).toContain("오프라인에서 쓴 문장.");
        await again.click("text=내 글로 저장 (서버 원고 위에)");
      }
      await waitUntilSaved(again);
    }
    expect(await bodyText(id)).toBe("저장된 문장. 오프라인에서 쓴 문장.");
    // Once the server has it, the backup is gone from the device (what the editor offers back
    // from), so reopening offers nothing.
    await expect.poll(() => backupsOnDevice(again, id)).toEqual([]);
    await openEditor(again, `/newsroom/articles/${id}/edit`);
    expect(await again.locator('[data-testid="recover-backup"]').count()).toBe(0);
  });

  it("a tab that dies mid-sentence, before the autosave and without a pagehide: every character comes back", async () => {
    const page = await newStaffPage(browser, "intern@newsroom.test", contexts);
    const id = await savedStory(page, "탭을 닫은 기사", "앞 문장.");
    const sentence = " 마감 직전에 쓰다 만 문장, 마지막 글자까지 돌아와야 한다";
    await page.keyboard.type(sentence, { delay: 5 });
    // The request sent as the page goes away is lost too (the network dropped with the tab).
    await page.context().setOffline(true);
    // The tab dies without running anything as it goes: Chromium gives a page about 500 ms to
    // run its pagehide when its tab is closed, then closes it anyway, so a page busy at that
    // moment (here: a 4 s task started before the close) runs no pagehide, no keepalive request,
    // and not the local backup's pending (800 ms) IndexedDB write: only what the page wrote on
    // this device as each character was typed is left. The marker proves no pagehide ran.
    await page.evaluate(() => {
      addEventListener("pagehide", () => localStorage.setItem("e2e:pagehide-ran", "yes"));
      setTimeout(() => {
        const end = performance.now() + 4000;
        while (performance.now() < end);
      }, 0);
    });
    await page.close();
    await contexts.at(-1)!.setOffline(false);
    expect(await bodyText(id)).toBe("앞 문장.");

    const again = await contexts.at(-1)!.newPage();
    await openEditor(again, `/newsroom/articles/${id}/edit`);
    expect(await again.evaluate(() => localStorage.getItem("e2e:pagehide-ran"))).toBeNull();
    await again.locator('[data-testid="recover-backup"]').waitFor();
    await again.click('[data-testid="recover-backup"] >> text=되살리기');
    await expect.poll(() => saveStatus(again), { timeout: 20_000 }).toMatch(/^(saved|conflict)$/);
    if ((await saveStatus(again)) === "conflict") await again.click("text=내 글로 저장 (서버 원고 위에)");
    await waitUntilSaved(again);
    expect(await bodyText(id)).toBe(`앞 문장.${sentence}`);
  });

  it("a tab closed mid-sentence with the network up: the text reaches the server as the page goes", async () => {
    const page = await newStaffPage(browser, "intern@newsroom.test", contexts);
    const id = await savedStory(page, "그냥 닫은 탭", "앞 문장.");
    await page.keyboard.type(" 닫기 직전의 말");
    await page.close();
    await expect.poll(() => bodyText(id), { timeout: 10_000 }).toBe("앞 문장. 닫기 직전의 말");
  });

  it("two tabs: the second save gets the conflict screen with both texts; keeping mine saves it over the newer version, nothing lost", async () => {
    const first = await newStaffPage(browser, "intern@newsroom.test", contexts);
    const id = await savedStory(first, "두 탭에서 고친 기사", "원래 문장.");
    const second = await contexts.at(-1)!.newPage();
    await openEditor(second, `/newsroom/articles/${id}/edit`);

    await first.locator('[data-testid="editor-body"]').click();
    await first.keyboard.press("Control+End");
    await first.keyboard.type(" 첫 탭에서 더한 말.");
    await first.click('[data-testid="save-button"]');
    await waitUntilSaved(first);

    await second.locator('[data-testid="editor-body"]').click();
    await second.keyboard.press("Control+End");
    await second.keyboard.type(" 둘째 탭에서 더한 말.");
    await second.click('[data-testid="save-button"]');
    await second.locator('[data-testid="conflict-screen"]').waitFor();
    await expect.poll(() => second.textContent('.conflict-row[data-field="본문"] [data-side="theirs"]')).toContain("첫 탭에서 더한 말.");
    expect(await second.textContent('.conflict-row[data-field="본문"] [data-side="mine"]')).toContain("둘째 탭에서 더한 말.");
    expect(await bodyText(id)).toBe("원래 문장. 첫 탭에서 더한 말.");
    await second.screenshot({ path: await screenshotPath("editor-conflict") });

    await second.click("text=내 글로 저장 (서버 원고 위에)");
    await waitUntilSaved(second);
    expect(await bodyText(id)).toBe("원래 문장. 둘째 탭에서 더한 말.");
    // The first tab's words are not lost: its explicit save is a revision.
    const revisions = await query<{ bodyText: string }>(`SELECT "bodyText" FROM "ArticleRevision" WHERE "articleId" = $1`, [id]);
    expect(revisions.map((revision) => revision.bodyText)).toContain("원래 문장. 첫 탭에서 더한 말.");
  });

  it("the desk takes over: the editor sees who holds the story, takes it, and the intern's editor turns read-only with a notice", async () => {
    const intern = await newStaffPage(browser, "intern@newsroom.test", contexts);
    const id = await savedStory(intern, "데스크가 넘겨받는 기사", "인턴이 쓰던 문장.");
    const desk = await newStaffPage(browser, "editor@newsroom.test", contexts);
    await openEditor(desk, `/newsroom/articles/${id}/edit`);
    await expect.poll(() => desk.textContent('[data-testid="presence-notice"]'), { timeout: 30_000 }).toContain("최하은 인턴기자님이 이 기사를 편집하고 있습니다");
    await desk.screenshot({ path: await screenshotPath("editor-presence") });
    await desk.click('[data-testid="presence-notice"] >> text=편집 넘겨받기');

    // The intern keeps typing: the heartbeat that comes with typing tells her editor within seconds.
    await intern.locator('[data-testid="editor-body"]').click();
    await intern.keyboard.press("Control+End");
    await intern.keyboard.type(" 넘겨받기 직후 쓴 말.");
    await expect.poll(() => intern.getAttribute('[data-testid="editor-body"]', "contenteditable"), { timeout: 30_000 }).toBe("false");
    expect(await intern.textContent('[data-testid="takeover-notice"]')).toContain("박서연님이 이 기사의 편집을 넘겨받았습니다");
    await intern.evaluate(() => window.scrollTo(0, 0));
    await intern.screenshot({ path: await screenshotPath("editor-taken-over") });

    await desk.locator('[data-testid="editor-body"]').click();
    await desk.keyboard.press("Control+End");
    await desk.keyboard.type(" 데스크가 고친 말.");
    await desk.click('[data-testid="save-button"]');
    await waitUntilSaved(desk);
    expect(blocks((await storedArticle(id)).bodyJson)[0]?.[1]).toContain("데스크가 고친 말.");
  });
});
