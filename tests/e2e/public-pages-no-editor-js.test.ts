// Readers never download the editor: the scripts of the home page and an article page contain
// no Tiptap or ProseMirror code, while the editor page's do (so the check can see them at all).
import type { Browser, BrowserContext } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { inChromium, launchBrowser } from "../support/browser";
import { baseUrl, newStaffPage, query } from "../support/editor-e2e";

// Strings that survive minification in the editor's code: ProseMirror's class names and error
// messages, Tiptap's own names.
const EDITOR_MARKERS = [/ProseMirror-/, /prosemirror/i, /tiptap/i, /contenteditable.{0,40}ProseMirror/];

async function scriptsOf(html: string): Promise<string[]> {
  const sources = [...html.matchAll(/<script[^>]*\ssrc="([^"]+)"/g)].map((match) => match[1]!.replaceAll("&amp;", "&"));
  expect(sources.length).toBeGreaterThan(0);
  // Inline scripts carry the flight data and can name chunks loaded later: fetch those too.
  const named = [...html.matchAll(/static\/chunks\/[A-Za-z0-9_./-]+\.js/g)].map((match) => `/_next/${match[0]}`);
  const unique = [...new Set([...sources, ...named])];
  return Promise.all(unique.map(async (src) => (await fetch(new URL(src, baseUrl))).text()));
}

const editorCodeIn = (scripts: string[]) => scripts.filter((code) => EDITOR_MARKERS.some((marker) => marker.test(code)));

describe("public pages load none of the editor's JavaScript", () => {
  it("the home page and a published article", async () => {
    const [published] = await query<{ id: number }>(`SELECT id FROM "Article" WHERE status = 'PUBLISHED' ORDER BY id LIMIT 1`);
    for (const path of ["/", `/articles/${published!.id}`]) {
      const response = await fetch(`${baseUrl}${path}`);
      expect(response.status).toBe(200);
      const scripts = await scriptsOf(await response.text());
      expect(editorCodeIn(scripts), `${path} loads editor code`).toEqual([]);
    }
  });
});

describe("public pages load no schema library", () => {
  it("an article page's scripts hold no zod (the comment box checks its rules without it)", async () => {
    const [published] = await query<{ id: number }>(`SELECT id FROM "Article" WHERE status = 'PUBLISHED' ORDER BY id LIMIT 1`);
    const response = await fetch(`${baseUrl}/articles/${published!.id}`, { redirect: "follow" });
    const scripts = await scriptsOf(await response.text());
    // ZodError survives minification as a class name in zod's own code.
    expect(scripts.filter((code) => code.includes("ZodError")).length).toBe(0);
  });
});

describe("the editor page does load it (the check above can see editor code)", inChromium, () => {
  let browser: Browser;
  const contexts: BrowserContext[] = [];
  beforeAll(async () => {
    browser = await launchBrowser();
  });
  afterAll(async () => {
    await browser?.close();
  });

  it("/newsroom/articles/new", async () => {
    const page = await newStaffPage(browser, "reporter@newsroom.test", contexts);
    const loaded: string[] = [];
    page.on("response", (response) => {
      if (response.url().includes("/_next/static/chunks/")) loaded.push(response.url());
    });
    await page.goto(`${baseUrl}/newsroom/articles/new`);
    await page.waitForSelector('[data-testid="editor-body"]');
    const scripts = await Promise.all(loaded.map(async (url) => (await fetch(url)).text()));
    expect(editorCodeIn(scripts).length).toBeGreaterThan(0);
  });
});
