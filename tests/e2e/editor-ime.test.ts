// Korean input through an IME (driven over the DevTools protocol: composition steps ㅎ, 하, 한,
// then the committed syllable) in every place tiptap issues 4108, 5079 and 2545 point at:
// the start of a line, right after toggling bold, inside a link, in a list item, Enter pressed
// mid-composition and a click elsewhere mid-composition. The assertion is on the text and marks
// the server STORED, not on what the screen shows.
import type { Browser, BrowserContext, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { inChromium, launchBrowser, screenshotPath } from "../support/browser";
import { articleIdOf, blocks, Ime, newStaffPage, openEditor, storedArticle, textRuns, typeHangul, waitUntilSaved } from "../support/editor-e2e";

describe("typing Hangul with an IME", inChromium, () => {
  let browser: Browser;
  const contexts: BrowserContext[] = [];
  let page: Page;
  let ime: Ime;

  beforeAll(async () => {
    browser = await launchBrowser();
    page = await newStaffPage(browser, "intern@newsroom.test", contexts);
  });
  afterAll(async () => {
    await browser?.close();
  });

  /** A fresh story with a headline; the cursor is at the start of the empty body. */
  async function freshStory(headline: string) {
    await openEditor(page, "/newsroom/articles/new");
    ime = await Ime.attach(page);
    await page.fill('input[name="headline"]', headline);
    await page.locator('[data-testid="editor-body"]').click();
  }

  async function saveAndLoad() {
    await page.click('[data-testid="save-button"]');
    await waitUntilSaved(page);
    return storedArticle(await articleIdOf(page));
  }

  it("at the start of a line and of the story", async () => {
    await freshStory("IME 줄 첫머리");
    await typeHangul(ime, "한글");
    await page.keyboard.press("Enter");
    await typeHangul(ime, "한국어");
    const stored = await saveAndLoad();
    expect(blocks(stored.bodyJson)).toEqual([
      ["paragraph", "한글"],
      ["paragraph", "한국어"],
    ]);
  });

  // Chrome now and then still reports the caret in front of the first jamo when ProseMirror reads
  // a composition that began in an empty block; unguarded, ProseMirror then set the selection,
  // which ends the composition, and the first jamo stayed behind ("ㅎ한국어"). It struck about one
  // start of a block in fifteen, so one start (the case above) rarely shows it: forty do.
  it("the first syllable of forty new lines in a row keeps its first jamo", async () => {
    await freshStory("IME 새 줄 마흔 번");
    const lines = Array.from({ length: 40 }, (_, index) => (index % 2 === 0 ? "한국어" : "다"));
    for (const [index, line] of lines.entries()) {
      if (index > 0) await page.keyboard.press("Enter");
      await typeHangul(ime, line);
    }
    const stored = await saveAndLoad();
    expect(blocks(stored.bodyJson)).toEqual(lines.map((line) => ["paragraph", line]));
  });

  it("right after toggling bold, and after toggling it off again", async () => {
    await freshStory("IME 굵게");
    await typeHangul(ime, "기사");
    await page.keyboard.press("Control+b");
    await typeHangul(ime, "한글");
    await page.keyboard.press("Control+b");
    await typeHangul(ime, "다");
    const stored = await saveAndLoad();
    expect(textRuns(stored.bodyJson)).toEqual([
      { text: "기사", marks: [] },
      { text: "한글", marks: ["bold"] },
      { text: "다", marks: [] },
    ]);
  });

  it("inside a link: the composed syllables take the link's mark", async () => {
    await freshStory("IME 링크");
    await page.keyboard.type("ab");
    // Selected through the editor itself (Tiptap puts the editor on its element): a key-made
    // selection reaches ProseMirror only on a later selectionchange, which raced Ctrl+K.
    const selected = await page.evaluate(() => {
      const editor = (document.querySelector(".ProseMirror") as (Element & { editor?: import("@tiptap/core").Editor }) | null)?.editor;
      if (!editor) return null;
      const end = editor.state.selection.to;
      editor.chain().focus().setTextSelection({ from: end - 2, to: end }).run();
      return editor.state.doc.textBetween(editor.state.selection.from, editor.state.selection.to);
    });
    expect(selected).toBe("ab");
    await page.keyboard.press("Control+k");
    await page.fill('input[name="href"]', "https://www.nuri.example/");
    await page.click("text=링크 걸기");
    // Into the middle of the linked text.
    await page.keyboard.press("End");
    await page.keyboard.press("ArrowLeft");
    await typeHangul(ime, "한글");
    const stored = await saveAndLoad();
    expect(textRuns(stored.bodyJson)).toEqual([{ text: "a한글b", marks: ["link"], href: "https://www.nuri.example/" }]);
  });

  it("in list items, including the first syllable of a new item", async () => {
    await freshStory("IME 목록");
    // Each structural step on screen before typing on, as a reporter sees the bullet (as story-editor
    // does): in the clean-clone CI a composition begun before the list item was there left its
    // first jamo in the paragraph after the list.
    const items = page.locator('[data-testid="editor-body"] ul li');
    await page.click('[data-command="bulletList"]');
    await expect.poll(() => items.count(), { timeout: 5_000 }).toBe(1);
    await typeHangul(ime, "목록");
    await expect.poll(() => items.first().textContent(), { timeout: 5_000 }).toBe("목록");
    await page.keyboard.press("Enter");
    await expect.poll(() => items.count(), { timeout: 5_000 }).toBe(2);
    await typeHangul(ime, "한글");
    const stored = await saveAndLoad();
    // The editor keeps an empty paragraph after a list that ends the story.
    expect(blocks(stored.bodyJson)).toEqual([
      ["bulletList>paragraph", "목록"],
      ["bulletList>paragraph", "한글"],
      ["paragraph", ""],
    ]);
  });

  it("Enter pressed while a syllable is being composed: the syllable is kept once, and the line breaks", async () => {
    await freshStory("IME 조합 중 Enter");
    await typeHangul(ime, "한");
    await ime.compose(JAMO_HA);
    // A real IME: keydown 229 (isComposing) for the Enter, the commit, then the Enter itself.
    await ime.composingKeyDown("Enter");
    await ime.commit("하");
    await ime.composingKeyUp("Enter");
    await page.keyboard.press("Enter");
    await typeHangul(ime, "다");
    const stored = await saveAndLoad();
    expect(blocks(stored.bodyJson)).toEqual([
      ["paragraph", "한하"],
      ["paragraph", "다"],
    ]);
  });

  it("a click elsewhere while a syllable is being composed keeps the syllable where it was typed", async () => {
    await freshStory("IME 조합 중 클릭");
    await typeHangul(ime, "기사");
    await ime.compose(["ㄴ", "나"]);
    // Into the deck field: the body loses focus mid-composition.
    await page.click('input[name="subHeadline0"]');
    await page.keyboard.type("deck");
    const stored = await saveAndLoad();
    expect(blocks(stored.bodyJson)).toEqual([["paragraph", "기사나"]]);
    expect(stored.subHeadlines).toEqual(["deck"]);
    await page.screenshot({ path: await screenshotPath("editor-ime") });
  });
});

const JAMO_HA = ["ㅎ", "하"];
