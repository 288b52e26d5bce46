// Helpers for browser tests of the story editor: signing in, the database behind the shared app,
// Hangul typed through the IME protocol, and waiting for the editor's save status.
import type { Browser, BrowserContext, CDPSession, Page } from "playwright-core";
import { expect, inject } from "vitest";
import { query } from "./app-database";

export { query };

export const baseUrl = inject("appBaseUrl");
const password = inject("demoPassword");


export interface StoredNode {
  type: string;
  attrs?: Record<string, unknown>;
  content?: StoredNode[];
  marks?: { type: string; attrs?: Record<string, unknown> }[];
  text?: string;
}

export async function storedArticle(id: number) {
  const [row] = await query<{ headline: string; subHeadlines: string[]; bodyJson: StoredNode; bodyHtml: string; bodyText: string; version: number; renderVersion: number }>(
    `SELECT headline, "subHeadlines", "bodyJson", "bodyHtml", "bodyText", version, "renderVersion" FROM "Article" WHERE id = $1`,
    [id],
  );
  if (!row) throw new Error(`no article ${id}`);
  return row;
}

/** Every text run of the stored body with its marks, in order: what the reader will get. */
export function textRuns(node: StoredNode): { text: string; marks: string[]; href?: string }[] {
  if (node.type === "text") {
    const link = node.marks?.find((mark) => mark.type === "link");
    return [{ text: node.text ?? "", marks: (node.marks ?? []).map((mark) => mark.type).sort(), ...(link ? { href: String(link.attrs?.href) } : {}) }];
  }
  return (node.content ?? []).flatMap(textRuns);
}

/** The stored body's blocks as [type, text] pairs (lists flattened to their paragraphs' path). */
export function blocks(node: StoredNode, prefix = ""): [string, string][] {
  return (node.content ?? []).flatMap((child): [string, string][] => {
    if (child.type === "paragraph" || child.type === "heading") return [[prefix + child.type, textRuns(child).map((run) => run.text).join("")]];
    if (child.type === "figure" || child.type === "youtube" || child.type === "horizontalRule") return [[prefix + child.type, ""]];
    return blocks(child, child.type === "listItem" ? prefix : `${prefix}${child.type}>`);
  });
}

export async function newStaffPage(browser: Browser, email: string, contexts: BrowserContext[], viewport = { width: 1280, height: 1000 }): Promise<Page> {
  const context = await browser.newContext({ viewport, locale: "ko-KR", timezoneId: "Asia/Seoul" });
  context.setDefaultTimeout(20_000);
  contexts.push(context);
  const page = await context.newPage();
  await page.goto(`${baseUrl}/newsroom`);
  await page.waitForURL(/\/login\?/);
  await page.fill('input[name="email"]', email);
  await page.fill('input[name="password"]', password);
  await page.click('button[type="submit"]');
  await page.waitForURL(`${baseUrl}/newsroom`);
  return page;
}

export async function openEditor(page: Page, path: string): Promise<void> {
  await page.goto(`${baseUrl}${path}`);
  await page.waitForSelector('[data-testid="editor-body"][contenteditable="true"]');
}

export const saveStatus = (page: Page) => page.getAttribute('[data-testid="save-status"]', "data-status");

/** Waits until the editor says the server has everything ("저장됨"). */
export async function waitUntilSaved(page: Page): Promise<void> {
  await expect.poll(() => saveStatus(page), { timeout: 20_000 }).toBe("saved");
}

export async function articleIdOf(page: Page): Promise<number> {
  await expect.poll(() => page.getAttribute('[data-testid="article-editor"]', "data-article-id"), { timeout: 20_000 }).toMatch(/^\d+$/);
  return Number(await page.getAttribute('[data-testid="article-editor"]', "data-article-id"));
}

/**
 * Types Hangul the way an IME does, through the DevTools protocol: each jamo step is a
 * composition update (ㅎ, 하, 한), then the committed syllable is inserted.
 */
export class Ime {
  private constructor(private readonly cdp: CDPSession) {}

  static async attach(page: Page): Promise<Ime> {
    return new Ime(await page.context().newCDPSession(page));
  }

  async compose(steps: string[]): Promise<void> {
    for (const text of steps) await this.cdp.send("Input.imeSetComposition", { text, selectionStart: text.length, selectionEnd: text.length });
  }

  async commit(text: string): Promise<void> {
    await this.cdp.send("Input.insertText", { text });
  }

  /** A whole syllable: its jamo steps, then the commit. */
  async syllable(steps: string[]): Promise<void> {
    await this.compose(steps);
    await this.commit(steps.at(-1)!);
  }

  /** What a real IME sends for Enter pressed while a syllable is still being composed. */
  async composingKeyDown(key: "Enter"): Promise<void> {
    await this.cdp.send("Input.dispatchKeyEvent", { type: "rawKeyDown", key, code: key, windowsVirtualKeyCode: 229, nativeVirtualKeyCode: 229 });
  }

  async composingKeyUp(key: "Enter"): Promise<void> {
    await this.cdp.send("Input.dispatchKeyEvent", { type: "keyUp", key, code: key, windowsVirtualKeyCode: 229, nativeVirtualKeyCode: 229 });
  }
}

/** Jamo steps for the syllables used in the tests. */
const JAMO: Record<string, string[]> = {
  한: ["ㅎ", "하", "한"],
  글: ["ㄱ", "그", "글"],
  국: ["ㄱ", "구", "국"],
  어: ["ㅇ", "어"],
  기: ["ㄱ", "기"],
  사: ["ㅅ", "사"],
  하: ["ㅎ", "하"],
  다: ["ㄷ", "다"],
  나: ["ㄴ", "나"],
  목: ["ㅁ", "모", "목"],
  록: ["ㄹ", "로", "록"],
  링: ["ㄹ", "리", "링"],
};

export async function typeHangul(ime: Ime, word: string): Promise<void> {
  for (const syllable of word) {
    const steps = JAMO[syllable];
    if (!steps) throw new Error(`no jamo steps for ${syllable}`);
    await ime.syllable(steps);
  }
}
