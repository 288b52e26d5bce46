// `npm run bench` works end to end: a tiny quick run (one 40-story dataset, 1-second wrk runs, no
// Lighthouse) must finish and write results.json and RESULTS.md with all ten targets. Figures
// are not checked: they come only from the full `npm run bench` (bench/RESULTS.md). Needs wrk
// and taskset (.ci/run installs wrk); without them the bench stops with a message saying so.
import { spawn } from "node:child_process";
import { existsSync } from "node:fs";
import { mkdtemp, readFile, rm } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";

describe("npm run bench (smoke)", () => {
  const out = mkdtemp(path.join(os.tmpdir(), "bench-smoke-"));
  afterAll(async () => rm(await out, { recursive: true, force: true }));

  it("writes results with every target", { timeout: 240_000 }, async () => {
    const outDir = await out;
    const args = ["--import", "tsx", "scripts/bench/main.ts", "--quick", "--sizes", "40", "--seconds", "1", "--runs", "1", "--connections", "10", "--no-lighthouse", "--out", outDir, "--cache-dir", ".bench-cache/smoke"];
    const result = await new Promise<{ code: number | null; output: string }>((resolve) => {
      const child = spawn(process.execPath, args, { cwd: process.cwd(), stdio: ["ignore", "pipe", "pipe"] });
      let output = "";
      child.stdout.on("data", (chunk: Buffer) => (output += chunk.toString()));
      child.stderr.on("data", (chunk: Buffer) => (output += chunk.toString()));
      child.on("exit", (code) => resolve({ code, output }));
    });
    expect(result.code, result.output.slice(-4000)).toBe(0);
    expect(existsSync(path.join(outDir, "RESULTS.md"))).toBe(true);
    const results = JSON.parse(await readFile(path.join(outDir, "results.json"), "utf8")) as { targets: { id: number; figure: string; goal: string }[]; pinning: string };
    expect(results.targets.map((target) => target.id)).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9, 10]);
    for (const target of results.targets) {
      expect(target.figure.length, `target ${target.id}`).toBeGreaterThan(5);
      expect(target.goal.length).toBeGreaterThan(5);
    }
    expect(results.pinning).toContain("CPU 0");
    const markdown = await readFile(path.join(outDir, "RESULTS.md"), "utf8");
    for (let id = 1; id <= 10; id += 1) expect(markdown).toMatch(new RegExp(`^\\| ${id} \\|`, "m"));
  });
});
