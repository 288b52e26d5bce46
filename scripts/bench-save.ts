// Benchmark: the server round trip of saving a 100 KB story from the editor.
//   npx tsx scripts/bench-save.ts [--saves 200]
// Starts the real app (production build, scripts/start.ts, as `npm start` does) against a
// throw-away embedded PostgreSQL with the demo newsroom, signs in as the demo reporter over HTTP,
// creates a story of about 100 KB of Tiptap JSON and saves it N times through
// PATCH /api/v1/articles/:id, each save changing one paragraph, first as explicit saves (each
// makes a revision), then as autosaves (revisions spaced out). Writes bench/editor-save.json and
// renders bench/EDITOR.md from it. Goal (issue 7): p50 under 150 ms on this machine.
import { spawn } from "node:child_process";
import { mkdir, writeFile } from "node:fs/promises";
import os from "node:os";
import { DEMO_STAFF } from "@/lib/seed/demo-newsroom";
import { percentile, startBenchApp } from "@/tests/support/bench-app";
import { signInOverHttp } from "@/tests/support/http-session";
import type { EditorSaveFile } from "./bench/editor-report";
import { writeBenchReport } from "./bench/reports";

const SAVES = Number(process.argv[process.argv.indexOf("--saves") + 1]) || 200;
const PASSWORD = "bench-demo-password-1234";
const TARGET_BODY_BYTES = 100 * 1024;
const log = (line: string) => console.log(`[bench-save] ${line}`);

function storyBody(round: number) {
  const content = [];
  for (let i = 0; Buffer.byteLength(JSON.stringify({ type: "doc", content })) < TARGET_BODY_BYTES; i += 1) {
    const edited = i === round % 300 ? ` (고침 ${round})` : "";
    content.push(
      i % 12 === 0
        ? { type: "heading", attrs: { level: 3 }, content: [{ type: "text", text: `${i / 12 + 1}. 고양시 경제자유구역, 무엇이 달라지나${edited}` }] }
        : {
            type: "paragraph",
            content: [
              { type: "text", text: `${i}번째 문단. 고양시가 경제자유구역 지정을 추진하면서 지역 경제계의 기대가 커지고 있다. 시는 내년 상반기까지 개발 계획을 확정할 방침이다${edited}. ` },
              { type: "text", marks: [{ type: "bold" }], text: "시 관계자는" },
              { type: "text", text: " “기업 유치와 일자리가 핵심”이라고 말했다. " },
              { type: "text", marks: [{ type: "link", attrs: { href: "https://example.com/goyang" } }], text: "관련 자료" },
            ],
          },
    );
  }
  return { type: "doc", content };
}

function summarise(times: number[]) {
  const sorted = [...times].sort((a, b) => a - b);
  const round = (value: number) => Math.round(value * 10) / 10;
  return { count: times.length, p50: round(percentile(sorted, 50)), p95: round(percentile(sorted, 95)), mean: round(times.reduce((a, b) => a + b, 0) / times.length), min: round(sorted[0]!), max: round(sorted.at(-1)!) };
}

function git(args: string[]): Promise<string> {
  return new Promise((resolve) => {
    const child = spawn("git", args);
    let out = "";
    child.stdout.on("data", (chunk: Buffer) => (out += chunk.toString()));
    child.on("close", () => resolve(out.trim()));
    child.on("error", () => resolve(""));
  });
}

async function main() {
  // Which code is measured: the commit the build starts from, marked when the tree has changes.
  const commit = `${(await git(["rev-parse", "--short", "HEAD"])) || "unknown"}${(await git(["status", "--porcelain", "--", "app", "lib", "components", "proxy.ts", "next.config.js"])) ? "+uncommitted" : ""}`;
  const app = await startBenchApp({ password: PASSWORD, log });
  const { baseUrl } = app;
  try {
    const { cookie } = await signInOverHttp(baseUrl, DEMO_STAFF.reporter.email, PASSWORD);
    const headers = { cookie, origin: baseUrl, "content-type": "application/json" };
    const created = await fetch(`${baseUrl}/api/v1/articles`, { method: "POST", headers, body: JSON.stringify({ headline: "고양시 경제자유구역 지정 추진, 무엇이 달라지나", body: storyBody(0) }) });
    if (created.status !== 201) throw new Error(`create failed: ${created.status} ${await created.text()}`);
    let { article } = (await created.json()) as { article: { id: number; version: number } };
    const requestBytes = Buffer.byteLength(JSON.stringify({ version: article.version, body: storyBody(1) }));
    log(`story ${article.id}: request body ${(requestBytes / 1024).toFixed(1)} KB`);

    const run = async (autosave: boolean) => {
      const times: number[] = [];
      // A few unmeasured saves first: the first requests compile routes and warm the pools.
      for (let round = -5; round < SAVES; round += 1) {
        const body = JSON.stringify({ version: article.version, body: storyBody(round + (autosave ? 1000 : 10)), autosave });
        const started = performance.now();
        const response = await fetch(`${baseUrl}/api/v1/articles/${article.id}`, { method: "PATCH", headers, body });
        const text = await response.text();
        const elapsed = performance.now() - started;
        if (response.status !== 200) throw new Error(`save failed: ${response.status} ${text}`);
        article = (JSON.parse(text) as { article: typeof article }).article;
        if (round >= 0) times.push(elapsed);
      }
      return summarise(times);
    };
    const explicit = await run(false);
    log(`explicit saves: p50 ${explicit.p50} ms, p95 ${explicit.p95} ms`);
    const autosave = await run(true);
    log(`autosaves:      p50 ${autosave.p50} ms, p95 ${autosave.p95} ms`);

    const result: EditorSaveFile = {
      measuredAt: new Date().toISOString(),
      commit,
      machine: { cpus: os.cpus().length, cpuModel: os.cpus()[0]?.model ?? "unknown", node: process.version, loadAverageAtEnd: os.loadavg().map((value) => Math.round(value * 10) / 10) },
      what: "PATCH /api/v1/articles/:id round trip, timed by a fetch client on the same machine; the app runs from its production build via scripts/start.ts against an embedded PostgreSQL on the same machine",
      requestBodyKB: Math.round((requestBytes / 1024) * 10) / 10,
      explicitSave: explicit,
      autosave,
      goal: "p50 < 150 ms",
    };
    await mkdir("bench", { recursive: true });
    await writeFile("bench/editor-save.json", `${JSON.stringify(result, null, 2)}\n`);
    await writeBenchReport("EDITOR.md");
    log("wrote bench/editor-save.json and bench/EDITOR.md");
  } finally {
    await app.stop();
  }
}

await main();
