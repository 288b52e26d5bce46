// Comment posting under load, shared by scripts/bench-comments.ts and `npm run bench` (target 6):
// wrk POSTs /api/v1/articles/:id/comments from many sources while, optionally, readers load a
// list of paths (pages or comment lists); afterwards the rows are counted in PostgreSQL and every
// id returned in an accepted answer is looked up (none may be lost).
// Sources: the app runs with TRUST_PROXY=1 (the documented setting behind a reverse proxy) and
// wrk sends a different X-Forwarded-For per request (198.18.0.0/15, the benchmarking range; only
// a header, all traffic goes to 127.0.0.1). Every 20th request repeats the previous source, so
// the flood rule answers 429 for those.
import { existsSync, readdirSync, readFileSync } from "node:fs";
import { readFile, writeFile } from "node:fs/promises";
import path from "node:path";
import pg from "pg";
import { PATH_LIST_LUA, runWrk, WRK_DONE_LUA, type WrkResult } from "./wrk";

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

/**
 * Readers as the comment target is judged: 50 connections, each waiting 100 ms before each request
 * (a reader's pause), so at most 500 requests a second in all (250 visits: a story page and its
 * comment list); the rate reached is reported. Readers asking as fast as the server answers take
 * whatever CPU the posts leave, so a run with them shows what posting keeps under a reader flood,
 * but says more about how the two share the cores than about either.
 */
export const STEADY_READERS = { connections: 50, pauseMs: 100 } as const;
/** wrk connections posting comments in npm run bench's target 6. */
export const COMMENT_POSTING_CONNECTIONS = 32;

// Readers are browsers: they take compressed pages, as every browser asks. (Runs up to commit
// 216e675 had readers without this header, sent the uncompressed page.)
const READER_HEADERS = "Accept-Encoding: gzip, deflate, br";

const POST_LUA = `
local threads = {}
function setup(thread)
  thread:set("tid", #threads)
  table.insert(threads, thread)
end
threads_for_statuses = threads
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
function done_hook()
  local file = io.open(os.getenv("BENCH_IDS_FILE"), "w")
  for _, thread in ipairs(threads) do
    for _, id in ipairs(thread:get("ids")) do file:write(id, "\\n") end
  end
  file:close()
end
${WRK_DONE_LUA}`;

interface ServerCpu {
  /** The app's processes (Node.js). */
  app: number;
  /** The PostgreSQL cluster's processes. */
  postgres: number;
}

/**
 * CPU time (ms) used so far by this process's descendants except wrk, split between the app (and
 * its Next.js workers) and the PostgreSQL cluster. Read from /proc, so it counts work, not
 * waiting: the machine is shared, and CPU per comment says what throughput an idle core would give.
 */
function serverCpuMs(): ServerCpu {
  if (!existsSync("/proc/self/stat")) return { app: 0, postgres: 0 };
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
  const ticks = { app: 0, postgres: 0 };
  for (const [pid, info] of parents) {
    if (pid === process.pid || info.name === "wrk" || info.name === "taskset" || !isOurs(pid)) continue;
    ticks[info.name === "postgres" ? "postgres" : "app"] += info.ticks;
  }
  return { app: ticks.app * 10, postgres: ticks.postgres * 10 }; // USER_HZ is 100 on Linux
}

async function countRows(url: string, sql: string, params: unknown[] = []): Promise<number> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    return Number((await client.query<{ n: string }>(sql, params)).rows[0]?.n ?? 0);
  } finally {
    await client.end();
  }
}

/**
 * A few posts and list reads before measuring, as a reader's first visit would make them: the
 * route, the blocked-word list, the password hasher and the connection pool get going.
 */
export async function warmCommentPosting(baseUrl: string, storyIds: { first: number; count: number }): Promise<void> {
  for (let i = 0; i < 30; i += 1) {
    const id = storyIds.first + (i % storyIds.count);
    await fetch(`${baseUrl}/api/v1/articles/${id}/comments`, {
      method: "POST",
      headers: { "content-type": "application/json", origin: baseUrl, "x-forwarded-for": `203.0.113.${i}` },
      body: JSON.stringify({ nickname: "준비", password: "warmup1", body: `준비 운동 ${i}` }),
    }).then((r) => r.arrayBuffer(), () => null);
    await fetch(`${baseUrl}/api/v1/articles/${id}/comments`).then((r) => r.arrayBuffer(), () => null);
  }
}

export interface CommentPhaseResult {
  name: string;
  posting: WrkResult & { accepted: number; acceptedPerSecond: number; posted: number; held: number; throttled: number; other: number };
  readers: (WrkResult & { perSecond: number }) | null;
  rowsAdded: number;
  /** Ids returned in 201/202 answers, each looked up in PostgreSQL afterwards. */
  acceptedIdsChecked: number;
  /** Of those, how many are missing (must be 0). */
  lost: number;
  /** CPU of the app and PostgreSQL during the phase, per accepted comment (readers' share included). */
  serverCpuMsPerAccepted: number;
  /** The same, the app's and PostgreSQL's parts. */
  appCpuMsPerAccepted: number;
  postgresCpuMsPerAccepted: number;
}

/**
 * One phase: `connections` posting connections for `seconds`, and with `readerPathsFile` readers
 * loading those paths at the same time. `addressBlock` (0-127) keeps phases' sources apart.
 */
export async function runCommentPhase(options: {
  name: string;
  baseUrl: string;
  databaseUrl: string;
  storyIds: { first: number; count: number };
  seconds: number;
  connections: number;
  readerConnections: number;
  readerPathsFile: string | null;
  /** Each reading connection's wait before each request (a steady pace); absent: as fast as answered. */
  readerPauseMs?: number;
  addressBlock: number;
  folder: string;
  pinned?: boolean;
}): Promise<CommentPhaseResult> {
  const postScript = path.join(options.folder, "post.lua");
  const readScript = path.join(options.folder, "read.lua");
  await writeFile(postScript, POST_LUA);
  await writeFile(readScript, PATH_LIST_LUA);
  const before = await countRows(options.databaseUrl, `SELECT count(*) AS n FROM "Comment"`);
  const idsFile = path.join(options.folder, `${options.name}-ids.txt`);
  const cpuBefore = serverCpuMs();
  const [posting, readers] = await Promise.all([
    runWrk({
      scriptFile: postScript,
      url: options.baseUrl,
      connections: options.connections,
      seconds: options.seconds,
      args: [String(options.storyIds.count), String(options.storyIds.first), options.baseUrl, String(options.addressBlock)],
      env: { BENCH_IDS_FILE: idsFile },
      pinned: options.pinned,
    }),
    options.readerPathsFile
      ? runWrk({ scriptFile: readScript, url: options.baseUrl, connections: options.readerConnections, seconds: options.seconds, args: [options.readerPathsFile, READER_HEADERS, "", String(options.readerPauseMs ?? "")], pinned: options.pinned })
      : Promise.resolve(null),
  ]);
  const cpuAfter = serverCpuMs();
  const appCpu = cpuAfter.app - cpuBefore.app;
  const postgresCpu = cpuAfter.postgres - cpuBefore.postgres;
  const rowsAdded = (await countRows(options.databaseUrl, `SELECT count(*) AS n FROM "Comment"`)) - before;
  const acceptedIds = (await readFile(idsFile, "utf8")).split("\n").filter(Boolean).map(Number);
  const found = await countRows(options.databaseUrl, `SELECT count(*) AS n FROM "Comment" WHERE "id" = ANY($1::int[])`, [acceptedIds]);
  const statuses = posting.statuses ?? {};
  const posted = statuses["201"] ?? 0;
  const held = statuses["202"] ?? 0;
  const throttled = statuses["429"] ?? 0;
  const accepted = posted + held;
  const perAccepted = (ms: number) => (accepted ? Math.round((ms / accepted) * 100) / 100 : 0);
  return {
    name: options.name,
    posting: { ...posting, accepted, acceptedPerSecond: Math.round((accepted / posting.seconds) * 10) / 10, posted, held, throttled, other: posting.requests - accepted - throttled },
    readers: readers ? { ...readers, perSecond: readers.requestsPerSecond } : null,
    rowsAdded,
    acceptedIdsChecked: acceptedIds.length,
    lost: acceptedIds.length - found,
    serverCpuMsPerAccepted: perAccepted(appCpu + postgresCpu),
    appCpuMsPerAccepted: perAccepted(appCpu),
    postgresCpuMsPerAccepted: perAccepted(postgresCpu),
  };
}
