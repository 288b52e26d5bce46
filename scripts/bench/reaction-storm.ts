// The reaction storm of scripts/bench-reactions.ts, run as a process of its own pinned to CPU 1
// (beside wrk, away from the app): POST /api/v1/articles/:id/reactions at a fixed rate (open
// loop: a request leaves when it is due, whether or not earlier ones were answered, so a slow
// server meets the full rate, as it would from real readers). Each request comes from a new
// reader (its own X-Forwarded-For in 198.18.0.0/15, the benchmarking range; the app runs with
// TRUST_PROXY=1); every tenth one is an earlier reader, already answered, changing their mind.
// Prints one "STORM_RESULT {json}" line: the answers, latencies, and each reader's final
// reaction by kind, which PostgreSQL must hold exactly afterwards (none lost, none doubled).
import http from "node:http";

const KINDS = ["LIKE", "WARM", "SAD", "ANGRY", "FOLLOW_UP"] as const;
const { baseUrl, storyId, rate, seconds, addressBlock } = JSON.parse(process.argv[2] ?? "{}") as { baseUrl: string; storyId: number; rate: number; seconds: number; addressBlock: number };
const url = new URL(`/api/v1/articles/${storyId}/reactions`, baseUrl);
const agent = new http.Agent({ keepAlive: true, maxSockets: 256 });

/** Reader n's address: 198.18.0.0/15 from `addressBlock` on (a phase's own range). */
const addressOf = (n: number) => {
  const i = addressBlock * 65_536 + n;
  return `198.${18 + ((i >> 16) & 1)}.${(i >> 8) & 255}.${i & 255}`;
};

function post(address: string, kind: string): Promise<{ status: number; ms: number }> {
  const body = JSON.stringify({ kind });
  const started = performance.now();
  return new Promise((resolve) => {
    const request = http.request(
      url,
      { method: "POST", agent, headers: { "content-type": "application/json", "content-length": Buffer.byteLength(body), origin: baseUrl, "x-forwarded-for": address } },
      (response) => {
        response.resume();
        response.on("end", () => resolve({ status: response.statusCode ?? 0, ms: performance.now() - started }));
      },
    );
    request.setTimeout(10_000, () => request.destroy());
    request.on("error", () => resolve({ status: 0, ms: performance.now() - started }));
    request.end(body);
  });
}

const percentile = (sorted: number[], p: number) => (sorted.length ? Math.round(sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))]! * 1000) / 1000 : 0);

const finalKind = new Map<string, string>();
const answeredNew: string[] = [];
const statuses: Record<string, number> = {};
const latencies: number[] = [];
const pending: Promise<void>[] = [];
let sent = 0;
let newReaders = 0;
let changes = 0;
const started = performance.now();
const total = rate * seconds;

function send(n: number) {
  sent += 1;
  // Every tenth request: an earlier reader (whose first answer is in) changes their reaction.
  const changer = n % 10 === 9 ? answeredNew.shift() : undefined;
  const address = changer ?? addressOf(newReaders++);
  const kind = changer ? KINDS[(KINDS.indexOf(finalKind.get(changer) as (typeof KINDS)[number]) + 1) % KINDS.length]! : KINDS[n % KINDS.length]!;
  if (changer) changes += 1;
  pending.push(
    post(address, kind).then(({ status, ms }) => {
      statuses[status] = (statuses[status] ?? 0) + 1;
      latencies.push(ms);
      if (status === 200) {
        finalKind.set(address, kind);
        if (!changer) answeredNew.push(address);
      }
    }),
  );
}

await new Promise<void>((resolve) => {
  const tick = setInterval(() => {
    const due = Math.min(total, Math.floor(((performance.now() - started) / 1000) * rate));
    while (sent < due) send(sent);
    if (sent >= total) {
      clearInterval(tick);
      resolve();
    }
  }, 2);
});
const sendingSeconds = (performance.now() - started) / 1000;
await Promise.all(pending);
agent.destroy();
const expectedByKind = Object.fromEntries(KINDS.map((kind) => [kind, 0]));
for (const kind of finalKind.values()) expectedByKind[kind] = (expectedByKind[kind] ?? 0) + 1;
latencies.sort((a, b) => a - b);
console.log(
  `STORM_RESULT ${JSON.stringify({
    sent,
    newReaders,
    changes,
    sendingSeconds: Math.round(sendingSeconds * 1000) / 1000,
    sentPerSecond: Math.round((sent / sendingSeconds) * 10) / 10,
    accepted: statuses["200"] ?? 0,
    statuses,
    latencyMs: { p50: percentile(latencies, 50), p90: percentile(latencies, 90), p99: percentile(latencies, 99), max: percentile(latencies, 100) },
    expectedByKind,
  })}`,
);
