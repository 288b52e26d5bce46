// Debian's Chromium driven by playwright-core (Playwright's own browser download does not work
// on machines that reach only the npm registry). Without Chromium, browser tests are skipped
// with a loud message, except under CI=true, where that is a failure.
import { existsSync } from "node:fs";
import { mkdir } from "node:fs/promises";
import path from "node:path";
import { chromium, type Browser } from "playwright-core";
import type { TestOptions } from "vitest";

// CHROMIUM_PATH, when set, is the only place looked at: a path that does not exist means no
// Chromium (how the tests of the skip itself run on a machine that has one).
const CANDIDATES = process.env.CHROMIUM_PATH ? [process.env.CHROMIUM_PATH] : ["/usr/bin/chromium", "/usr/bin/chromium-browser", "/usr/bin/google-chrome"];

const chromiumPath = CANDIDATES.find((candidate) => existsSync(candidate));

export const browserTestsEnabled = (() => {
  if (chromiumPath) return true;
  if (process.env.CI === "true") {
    throw new Error("CI=true but no Chromium was found (apt-get install -y chromium fonts-noto-cjk, or set CHROMIUM_PATH)");
  }
  console.warn("\n!!! Browser tests SKIPPED: no Chromium found. Install it with: apt-get install -y chromium fonts-noto-cjk\n");
  return false;
})();

/**
 * The options of every suite or test that drives Chromium: skipped where there is none, and
 * tagged so that scripts/print-test-summary.mjs counts the browser tests that did not run.
 */
export const inChromium: TestOptions = { tags: ["chromium"], skip: !browserTestsEnabled };

export async function launchBrowser(): Promise<Browser> {
  return chromium.launch({
    executablePath: chromiumPath,
    args: ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run", "--disable-quic"],
  });
}

const screenshotDir = path.join(process.cwd(), "test-results", "screenshots");

export async function screenshotPath(name: string): Promise<string> {
  await mkdir(screenshotDir, { recursive: true });
  return path.join(screenshotDir, `${name}.png`);
}
