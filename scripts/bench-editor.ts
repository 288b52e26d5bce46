// Benchmark: typing in a long story in the editor, in headless Chromium.
//   npx tsx scripts/bench-editor.ts [--keys 300] [--interval 80]
// Starts the real app (production build, throw-away embedded PostgreSQL, demo newsroom), signs in
// as the demo reporter, opens the editor, pastes a story of about 300,000 characters in 5,000
// paragraphs through the editor's own paste path, puts the cursor in the middle, and types (Latin
// keys with keydown, and Hangul syllables as IME commits) at a steady human pace. For each
// keystroke it measures keystroke-to-paint: from the input event's timestamp to the end of the
// next rendered frame (a task queued from requestAnimationFrame runs after that frame's paint).
// Writes bench/editor-typing.json and renders bench/EDITOR.md from it.
// Goal (issue 7): median under 16 ms, p95 under 50 ms.
import { mkdir, writeFile } from "node:fs/promises";
import os from "node:os";
import { DEMO_STAFF } from "@/lib/seed/demo-newsroom";
import { gitCommit, percentile, startBenchApp } from "@/tests/support/bench-app";
import type { CDPSession, Page } from "playwright-core";
import { launchBrowser } from "@/tests/support/browser";
import type { EditorTypingFile } from "./bench/editor-report";
import { writeBenchReport } from "./bench/reports";

const argument = (name: string, fallback: number) => Number(process.argv[process.argv.indexOf(`--${name}`) + 1]) || fallback;
const KEYS = argument("keys", 300);
const INTERVAL_MS = argument("interval", 80);
// --paragraphs 60 measures a story of ordinary length (about 3,600 characters) instead.
const PARAGRAPHS = argument("paragraphs", 5000);
const PASSWORD = "bench-demo-password-1234";
const log = (line: string) => console.log(`[bench-editor] ${line}`);

declare global {
  interface Window {
    __latencies?: number[];
  }
}

function summarise(values: number[]) {
  const sorted = values.filter((value) => Number.isFinite(value)).sort((a, b) => a - b);
  const round = (value: number) => Math.round(value * 10) / 10;
  return {
    count: sorted.length,
    median: round(percentile(sorted, 50)),
    p95: round(percentile(sorted, 95)),
    p99: round(percentile(sorted, 99)),
    max: round(sorted.at(-1) ?? 0),
    mean: round(sorted.reduce((sum, value) => sum + value, 0) / Math.max(1, sorted.length)),
  };
}

/** Records, for each input, the time from its event to the end of the next painted frame. */
async function installLatencyProbe(page: Page) {
  await page.evaluate(() => {
    window.__latencies = [];
    document.addEventListener(
      "beforeinput",
      (event) => {
        const started = event.timeStamp;
        requestAnimationFrame(() => {
          const channel = new MessageChannel();
          channel.port1.onmessage = () => window.__latencies!.push(performance.now() - started);
          channel.port2.postMessage(null);
        });
      },
      { capture: true },
    );
  });
}

/** Latin keys and spaces as real key presses; Hangul as the IME's committed syllable. */
async function typeSteadily(page: Page, cdp: CDPSession) {
  const sentence = "Typing in a long story 긴 기사에서 타자 치기 ";
  for (let i = 0; i < KEYS; i += 1) {
    const character = sentence[i % sentence.length]!;
    if (/[ -~]/.test(character)) await page.keyboard.press(character === " " ? "Space" : character);
    else await cdp.send("Input.insertText", { text: character });
    await page.waitForTimeout(INTERVAL_MS);
  }
  await page.waitForTimeout(500);
}

async function main() {
  const app = await startBenchApp({ password: PASSWORD, log });
  const browser = await launchBrowser();
  try {
    const page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
    await page.goto(`${app.baseUrl}/newsroom`);
    await page.waitForURL(/\/login\?/);
    await page.fill('input[name="email"]', DEMO_STAFF.reporter.email);
    await page.fill('input[name="password"]', PASSWORD);
    await page.click('button[type="submit"]');
    await page.waitForURL(`${app.baseUrl}/newsroom`);
    // A new story without a headline: nothing is sent to the server (it could not take 300,000
    // characters anyway: the body limit is 512 KB), only the local backup runs on pauses.
    await page.goto(`${app.baseUrl}/newsroom/articles/new`);
    const body = page.locator('[data-testid="editor-body"]');
    await body.waitFor();
    await body.click();

    const pasteStarted = performance.now();
    await page.evaluate((paragraphs) => {
      const html = Array.from(
        { length: paragraphs },
        (_, i) => `<p>${i + 1}번째 문단. 누리시의회가 내년도 예산안 심사에 들어갔다. <strong>총액은 1조 2천억 원</strong>으로 역대 최대 규모다.</p>`,
      ).join("");
      const data = new DataTransfer();
      data.setData("text/html", html);
      data.setData("text/plain", "");
      document.querySelector('[data-testid="editor-body"]')!.dispatchEvent(new ClipboardEvent("paste", { clipboardData: data, bubbles: true, cancelable: true }));
    }, PARAGRAPHS);
    await page.waitForFunction((paragraphs) => document.querySelectorAll('[data-testid="editor-body"] > p').length >= paragraphs, PARAGRAPHS, { timeout: 120_000 });
    const pasteMs = Math.round(performance.now() - pasteStarted);
    const size = await page.evaluate(() => {
      const element = document.querySelector('[data-testid="editor-body"]')!;
      return { characters: (element.textContent ?? "").length, paragraphs: element.querySelectorAll(":scope > p").length };
    });
    log(`story: ${size.characters} characters in ${size.paragraphs} paragraphs (paste took ${pasteMs} ms)`);

    // The cursor at the end of a paragraph in the middle of the story.
    const middle = body.locator(":scope > p").nth(Math.floor(size.paragraphs / 2));
    await middle.scrollIntoViewIfNeeded();
    await middle.click();
    await page.keyboard.press("End");
    await page.waitForTimeout(1500);

    await installLatencyProbe(page);
    const cdp = await page.context().newCDPSession(page);
    await typeSteadily(page, cdp);
    const summary = summarise(await page.evaluate(() => window.__latencies ?? []));
    log(`keystroke-to-paint over ${summary.count} keystrokes: median ${summary.median} ms, p95 ${summary.p95} ms, p99 ${summary.p99} ms, max ${summary.max} ms`);
    const finalText = await page.evaluate(() => document.querySelector('[data-testid="editor-body"]')!.textContent ?? "");
    if (finalText.length < size.characters + KEYS) throw new Error("not every keystroke reached the editor");

    // The same story in a plain contenteditable (no editor code at all), same page width, font
    // and measurement: what this browser on this machine costs by itself right now.
    const plain = await browser.newPage({ viewport: { width: 1280, height: 900 } });
    await plain.setContent(
      `<html lang="ko"><body style="margin:0;font-family:'Noto Sans CJK KR',sans-serif;word-break:keep-all;overflow-wrap:anywhere"><div id="plain" contenteditable="true" style="max-width:720px;margin:0 auto;font-size:18px;line-height:1.8">${Array.from({ length: PARAGRAPHS }, (_, i) => `<p>${i + 1}번째 문단. 누리시의회가 내년도 예산안 심사에 들어갔다. <strong>총액은 1조 2천억 원</strong>으로 역대 최대 규모다.</p>`).join("")}</div></body></html>`,
    );
    const plainMiddle = plain.locator("#plain > p").nth(Math.floor(PARAGRAPHS / 2));
    await plainMiddle.scrollIntoViewIfNeeded();
    await plainMiddle.click();
    await plain.keyboard.press("End");
    await installLatencyProbe(plain);
    await typeSteadily(plain, await plain.context().newCDPSession(plain));
    const baseline = summarise(await plain.evaluate(() => window.__latencies ?? []));
    log(`plain contenteditable baseline: median ${baseline.median} ms, p95 ${baseline.p95} ms`);
    await plain.close();
    const commit = await gitCommit();
    const result: EditorTypingFile = {
      measuredAt: new Date().toISOString(),
      commit,
      machine: { cpus: os.cpus().length, cpuModel: os.cpus()[0]?.model ?? "unknown", node: process.version, chromium: browser.version(), loadAverageAtEnd: os.loadavg().map((value) => Math.round(value * 10) / 10) },
      what: "headless Chromium (--disable-gpu), the editor page of the production build; keystroke-to-paint = input event timestamp to a task queued from the next requestAnimationFrame (after that frame is painted)",
      story: { ...size, pasteMs },
      typing: { keys: KEYS, intervalMs: INTERVAL_MS, mix: "Latin key presses (keydown/keypress/beforeinput) and Hangul IME commits (Input.insertText)" },
      keystrokeToPaintMs: summary,
      plainContenteditableBaselineMs: baseline,
      goal: { medianBelowMs: 16, p95BelowMs: 50 },
      met: summary.median < 16 && summary.p95 < 50,
    };
    await mkdir("bench", { recursive: true });
    await writeFile("bench/editor-typing.json", `${JSON.stringify(result, null, 2)}\n`);
    await writeBenchReport("EDITOR.md");
    log("wrote bench/editor-typing.json and bench/EDITOR.md");
  } finally {
    await browser.close();
    await app.stop();
  }
}

await main();
