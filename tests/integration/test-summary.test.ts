// Browser tests that did not run are reported, never counted as passed: without Chromium they are
// skipped and the closing summary of `npm test` says how many; under CI=true the run fails. (Runs
// vitest on a fixture, as test-runner-exit-code.test.ts does.)
import { spawnSync } from "node:child_process";
import { mkdtemp, rm } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";

const root = process.cwd();
const folder = mkdtemp(path.join(os.tmpdir(), "test-summary-"));
afterAll(async () => rm(await folder, { recursive: true, force: true }));

async function runFixture(env: Record<string, string | undefined>) {
  const report = path.join(await folder, `report-${Math.random().toString(36).slice(2)}.json`);
  const run = spawnSync(
    process.execPath,
    [path.join(root, "node_modules/vitest/vitest.mjs"), "run", "--config", "tests/fixtures/vitest.chromium-skip.config.ts", "--reporter=default", "--reporter=json", `--outputFile.json=${report}`],
    { cwd: root, encoding: "utf8", env: { ...process.env, CI: undefined, ...env }, timeout: 110_000 },
  );
  const summary = spawnSync(process.execPath, ["scripts/print-test-summary.mjs", report], { cwd: root, encoding: "utf8" });
  return { status: run.status, output: run.stdout + run.stderr, summary: summary.stdout.trim() };
}

describe("browser tests without Chromium", () => {
  it("are skipped, and the summary says how many of the skipped are browser tests", async () => {
    const run = await runFixture({ CHROMIUM_PATH: "/nonexistent/chromium" });
    expect(run.status, run.output).toBe(0);
    expect(run.output).toContain("Browser tests SKIPPED");
    expect(run.summary).toBe("1 passed, 0 failed, 2 skipped (2 of them browser tests, not run: no Chromium; apt-get install -y chromium fonts-noto-cjk)");
  }, 120_000);

  it("fail the run under CI=true", async () => {
    const run = await runFixture({ CHROMIUM_PATH: "/nonexistent/chromium", CI: "true" });
    expect(run.status).toBe(1);
    expect(run.output).toContain("CI=true but no Chromium was found");
  }, 120_000);
});
