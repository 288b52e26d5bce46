import type { KnipConfig } from "knip";

const config: KnipConfig = {
  entry: [
    // Command-line entry points (npm scripts, `npx tsx scripts/...` in docs/ and bench/*.md).
    "scripts/*.{ts,mjs}",
    // Started by path as a child process by `npm run bench`.
    "scripts/bench/baseline-server.ts",
    // Run by hand to compare two builds' cached pages, or their search, in turns (docs/testing.md).
    "scripts/bench/ab-cached.ts",
    // Run by hand to measure a cache hit outside Next.js (issue 24; it starts itself by path).
    "scripts/bench/hit-path-probe.ts",
    // The front process (FRONT_PROCESS=on): forked by path by server/front/start-front.ts.
    "server/front/main.ts",
    // Run by hand: two builds' (or Node settings') search measured in turns (docs/testing.md).
    "scripts/bench/ab-search.ts",
    // Started by path, pinned to CPU 1, by scripts/bench-reactions.ts (the reaction storm).
    "scripts/bench/reaction-storm.ts",
    // Run by tests/integration/test-runner-exit-code.test.ts through a vitest of their own.
    "tests/fixtures/*.ts",
    // Stands in for `server-only` in tests (the alias in vitest.config.ts).
    "tests/support/server-only-stub.ts",
    // The reader bundle's entry: esbuild builds it by path (server/build.ts).
    "components/islands/hydrate-islands.tsx",
    // The Web Push service worker: the browser loads it by its address (components/push/push-opt-in.tsx).
    "public/push-sw.js",
  ],
  // Debian's tools, installed by .ci/run or present on Linux: the benchmark pins processes to a
  // CPU (taskset) and drives load with wrk; the fault drills mount a small filesystem.
  ignoreBinaries: ["taskset", "wrk", "mount", "umount"],
  // The benchmark runs Lighthouse's CLI by its path in node_modules (scripts/bench/weight.ts), in
  // a process of its own, so nothing imports it.
  ignoreDependencies: ["lighthouse"],
};

export default config;
