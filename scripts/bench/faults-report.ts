// bench/FAULTS.md, rendered from bench/faults.json alone (npm run test:faults writes both; npm run
// bench:report renders it again): each drill's verdict is the one its run reached from its figures.

export interface FaultDrillRecord {
  name: string;
  what: string;
  ms: number;
  figures: Record<string, number | string>;
  violations: string[];
  skipped?: string;
}

export interface FaultsFile {
  date: string;
  commit: string;
  command: string;
  machine?: { cpu: string; cores: number; memoryGiB: number };
  /** How the record came to be, when it was not written by the run itself. */
  source?: string;
  drills: FaultDrillRecord[];
}

export const drillVerdict = (drill: Pick<FaultDrillRecord, "violations" | "skipped">) =>
  drill.skipped ? `**skipped**: ${drill.skipped}` : drill.violations.length === 0 ? "pass" : `**FAIL**: ${drill.violations.slice(0, 5).join("; ")}`;

export function renderFaultsMarkdown(record: FaultsFile): string {
  const machine = record.machine ? ` on one machine (${record.machine.cores} × ${record.machine.cpu}, ${record.machine.memoryGiB} GiB)` : "";
  const lines = [
    "# Fault drills",
    "",
    `\`${record.command}\` (scripts/faults.ts) at commit ${record.commit}, ${record.date}.${record.source ? ` ${record.source}` : ""}`,
    `The real app (production build, scripts/start.ts) and an embedded PostgreSQL${machine}, loopback only.`,
    "",
    "| drill | what | took | result | figures |",
    "| --- | --- | --- | --- | --- |",
  ];
  for (const drill of record.drills) {
    const figures = Object.entries(drill.figures).map(([key, value]) => `${key}: ${value}`).join("; ");
    lines.push(`| ${drill.name} | ${drill.what} | ${(drill.ms / 1000).toFixed(1)} s | ${drillVerdict(drill)} | ${figures} |`);
  }
  return `${lines.join("\n")}\n`;
}
