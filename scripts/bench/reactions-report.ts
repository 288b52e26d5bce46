// bench/REACTIONS.md and the reaction storm's line in bench/RESULTS.md, rendered from
// bench/reactions.json alone (scripts/bench-reactions.ts writes it; npm run bench:report renders
// both again), so every figure in them is one a run measured.
import type { WrkResult } from "./wrk";

export interface StormResult {
  sent: number;
  newReaders: number;
  changes: number;
  sendingSeconds: number;
  sentPerSecond: number;
  accepted: number;
  statuses: Record<string, number>;
  latencyMs: { p50: number; p90: number; p99: number; max: number };
  expectedByKind: Record<string, number>;
}

export interface ReactionsPhase {
  name: "calm" | "storm";
  readers: WrkResult;
  /** Article-page answers that were not cache hits while the phase ran (renders). */
  articleRenders: number;
  storm: StormResult | null;
}

export interface ReactionsFile {
  date: string;
  commit: string;
  machine: { cpu: string; cores: number; memoryGiB: number };
  versions: { node: string; next: string; postgres: string };
  loadAverageBefore: number[];
  loadAverageAtEnd: number[];
  setup: { pinning: string; secondsPerPhase: number; rate: number; readers: string };
  target: { reactionsPerSecond: number; lost: number; readersP99Ratio: number };
  phases: ReactionsPhase[];
  /** After the storm: the rows in PostgreSQL by kind, and the counts readers were served (a few seconds later). */
  stored: { byKind: Record<string, number>; total: number };
  served: { byKind: Record<string, number>; total: number };
  /** Readers whose accepted final reaction is not in PostgreSQL (expected minus stored, per kind, summed where positive). */
  lost: number;
  /** Stored beyond what the accepted answers account for (doubled or unanswered writes). */
  extra: number;
  met: boolean;
}

const phaseOf = (file: ReactionsFile, name: ReactionsPhase["name"]) => file.phases.find((phase) => phase.name === name);

/** Readers' p99 during the storm over the calm one. */
export function readersP99Ratio(file: ReactionsFile): number {
  const calm = phaseOf(file, "calm")?.readers.latencyMs.p99 ?? 0;
  const storm = phaseOf(file, "storm")?.readers.latencyMs.p99 ?? 0;
  return calm > 0 ? Math.round((storm / calm) * 100) / 100 : 0;
}

/** The one-paragraph summary RESULTS.md carries under its table. */
export function reactionsResultsSection(file: ReactionsFile): string {
  const calm = phaseOf(file, "calm");
  const storm = phaseOf(file, "storm");
  const s = storm?.storm;
  return `
## Reaction storm on one story (issue 23; \`npx tsx scripts/bench-reactions.ts\`, details in REACTIONS.md)

| target | figure | goal | |
| --- | --- | --- | --- |
| ${file.target.reactionsPerSecond.toLocaleString("en")} reactions a second on one story while readers load its page | ${s ? `${s.sentPerSecond}/s sent, ${s.accepted} of ${s.sent} accepted, ${file.lost} lost, ${file.extra} extra; readers p99 ${calm?.readers.latencyMs.p99} ms calm, ${storm?.readers.latencyMs.p99} ms in the storm (${readersP99Ratio(file)}x); article renders ${storm?.articleRenders}` : "no storm ran"} | none lost, readers' p99 within ${file.target.readersP99Ratio}x of calm | **${file.met ? "met" : "not met"}** |

${file.date.slice(0, 16).replace("T", " ")} UTC, commit ${file.commit}; ${file.setup.pinning}. Load average before ${file.loadAverageBefore.join(", ")}, at the end ${file.loadAverageAtEnd.join(", ")}.
`;
}

export function renderReactionsMarkdown(file: ReactionsFile): string {
  const rows = file.phases
    .map((phase) => {
      const r = phase.readers;
      const s = phase.storm;
      const storm = s ? `${s.sentPerSecond}/s; ${s.accepted} / ${s.sent} (${Object.entries(s.statuses).map(([status, n]) => `${status}: ${n}`).join(", ")}); p50 ${s.latencyMs.p50} ms, p99 ${s.latencyMs.p99} ms, max ${s.latencyMs.max} ms` : "-";
      return `| ${phase.name} | ${r.requestsPerSecond}/s, p50 ${r.latencyMs.p50} ms, p99 **${r.latencyMs.p99} ms**, max ${r.latencyMs.max} ms, non-2xx/3xx ${r.non2xx} | ${phase.articleRenders} | ${storm} |`;
    })
    .join("\n");
  const kinds = Object.keys(file.stored.byKind);
  const expected = phaseOf(file, "storm")?.storm?.expectedByKind ?? {};
  return `# Reaction storm benchmark (issue 23)

\`npx tsx scripts/bench-reactions.ts\` on ${file.machine.cores} × ${file.machine.cpu}, ${file.machine.memoryGiB} GiB; Node ${file.versions.node}, Next.js ${file.versions.next}, ${file.versions.postgres}.
${file.date.slice(0, 16).replace("T", " ")} UTC, commit ${file.commit}; ${file.setup.pinning}. The machine is shared: load average before ${file.loadAverageBefore.join(", ")}, at the end ${file.loadAverageAtEnd.join(", ")}.

Target: **${file.target.reactionsPerSecond.toLocaleString("en")} reactions a second on one story** while readers load its page, ${file.target.lost === 0 ? "none" : `at most ${file.target.lost}`} lost, readers' p99 within **${file.target.readersP99Ratio}x** of the calm figure: **${file.met ? "met" : "not met"}** (${readersP99Ratio(file)}x).

Readers: ${file.setup.readers}, each visit the story's page (answered by the response cache) and its reaction counts (what the bar asks for). Phases of ${file.setup.secondsPerPhase} s: "calm" readers alone, then "storm" the same readers while reactions arrive at ${file.setup.rate}/s, open loop (each request leaves when due, answered or not), each from a new reader (X-Forwarded-For, TRUST_PROXY=1), every tenth an earlier reader changing their mind.

| phase | readers (page + counts) | article renders | reactions: sent/s; 200 / sent (statuses); latency |
| --- | --- | --- | --- |
${rows}

After the storm, every reader's last accepted reaction against PostgreSQL and against the counts readers were served a few seconds later:

| | ${kinds.join(" | ")} | total |
| --- | ${kinds.map(() => "---").join(" | ")} | --- |
| accepted (expected) | ${kinds.map((kind) => expected[kind] ?? 0).join(" | ")} | ${Object.values(expected).reduce((a, b) => a + b, 0)} |
| rows in PostgreSQL | ${kinds.map((kind) => file.stored.byKind[kind] ?? 0).join(" | ")} | ${file.stored.total} |
| counts served (GET) | ${kinds.map((kind) => file.served.byKind[kind] ?? 0).join(" | ")} | ${file.served.total} |

Lost: ${file.lost}; extra: ${file.extra}. "Article renders" counts article-page answers that were not response-cache hits while the phase ran (the access log): a click never renders the page, the counts are not in it.
`;
}
