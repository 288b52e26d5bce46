import path from "node:path";
import { defineConfig } from "vitest/config";

const root = import.meta.dirname;

export default defineConfig({
  resolve: {
    alias: {
      "@": root,
      // `server-only` throws outside React Server Components; tests import server modules directly.
      "server-only": path.join(root, "tests/support/server-only-stub.ts"),
    },
  },
  test: {
    // scripts/print-test-summary.mjs counts the skipped tests of each tag.
    tags: [{ name: "chromium", description: "drives Chromium (tests/support/browser.ts: skipped where there is none, a failure under CI=true)" }],
    // expect.poll waits for a state; its default second is too short on a loaded machine (load
    // average 10 on two cores). A poll that asserts a time limit sets its own timeout.
    expect: { poll: { timeout: 20_000, interval: 100 } },
    projects: [
      {
        extends: true,
        test: { name: "unit", include: ["tests/unit/**/*.test.ts"], environment: "node" },
      },
      {
        extends: true,
        test: {
          name: "integration",
          include: ["tests/integration/**/*.test.ts"],
          globalSetup: ["tests/support/global-database.ts"],
          setupFiles: ["tests/support/per-file-database.ts"],
          testTimeout: 30_000,
          hookTimeout: 60_000,
        },
      },
      {
        extends: true,
        test: {
          name: "e2e",
          include: ["tests/e2e/**/*.test.ts"],
          globalSetup: ["tests/support/global-app-server.ts"],
          testTimeout: 60_000,
          hookTimeout: 600_000,
          // One browser at a time: the machine has two cores and the server needs one.
          fileParallelism: false,
        },
      },
    ],
  },
});
