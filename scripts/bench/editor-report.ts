// bench/EDITOR.md, rendered from the latest run of each editor benchmark (bench/editor-save.json
// from scripts/bench-save.ts, bench/editor-typing.json from scripts/bench-editor.ts) and nothing
// else: each script writes its JSON and renders this again (writeBenchReport in reports.ts).
interface Summary {
  count: number;
  mean: number;
  max: number;
}

export interface EditorSaveFile {
  measuredAt: string;
  commit: string;
  machine: { cpus: number; cpuModel: string; node: string; loadAverageAtEnd: number[] };
  what: string;
  requestBodyKB: number;
  explicitSave: Summary & { p50: number; p95: number; min: number };
  autosave: Summary & { p50: number; p95: number; min: number };
  goal: string;
}

export interface EditorTypingFile {
  measuredAt: string;
  commit: string;
  machine: { cpus: number; cpuModel: string; node: string; chromium: string; loadAverageAtEnd: number[] };
  what: string;
  story: { characters: number; paragraphs: number; pasteMs: number };
  typing: { keys: number; intervalMs: number; mix: string };
  keystrokeToPaintMs: Summary & { median: number; p95: number; p99: number };
  plainContenteditableBaselineMs: Summary & { median: number; p95: number; p99: number };
  goal: { medianBelowMs: number; p95BelowMs: number };
  met: boolean;
}

const when = (iso: string) => `${iso.slice(0, 16).replace("T", " ")} UTC`;
const machineOf = (machine: { cpus: number; cpuModel: string; node: string; loadAverageAtEnd: number[] }) =>
  `${machine.cpus} × ${machine.cpuModel}, Node ${machine.node}, load average at the end ${machine.loadAverageAtEnd.join(" ")}`;

function saveSection(save: EditorSaveFile): string {
  return `## Saving a story (scripts/bench-save.ts)

${when(save.measuredAt)}, commit ${save.commit}; ${machineOf(save.machine)}. ${save.what}.

A ${save.requestBodyKB} KB story, goal ${save.goal}:

| | saves | p50 (ms) | p95 (ms) | mean (ms) | min / max (ms) |
| --- | ---: | ---: | ---: | ---: | --- |
| explicit save | ${save.explicitSave.count} | ${save.explicitSave.p50} | ${save.explicitSave.p95} | ${save.explicitSave.mean} | ${save.explicitSave.min} / ${save.explicitSave.max} |
| autosave | ${save.autosave.count} | ${save.autosave.p50} | ${save.autosave.p95} | ${save.autosave.mean} | ${save.autosave.min} / ${save.autosave.max} |
`;
}

function typingSection(typing: EditorTypingFile): string {
  const row = (name: string, s: EditorTypingFile["keystrokeToPaintMs"]) => `| ${name} | ${s.count} | ${s.median} | ${s.p95} | ${s.p99} | ${s.max} |`;
  return `## Typing in a long story (scripts/bench-editor.ts): ${typing.met ? "met" : "not met"}

${when(typing.measuredAt)}, commit ${typing.commit}; ${machineOf(typing.machine)}, Chromium ${typing.machine.chromium}. ${typing.what}.

A ${typing.story.characters.toLocaleString("en")}-character story in ${typing.story.paragraphs.toLocaleString("en")} paragraphs, ${typing.typing.keys} keystrokes every ${typing.typing.intervalMs} ms (${typing.typing.mix}); goal: median under ${typing.goal.medianBelowMs} ms, p95 under ${typing.goal.p95BelowMs} ms. The plain contenteditable holds the same text with no editor code, measured in the same run: what the browser on this machine costs by itself.

| keystroke to paint | keystrokes | median (ms) | p95 (ms) | p99 (ms) | max (ms) |
| --- | ---: | ---: | ---: | ---: | ---: |
${row("the editor", typing.keystrokeToPaintMs)}
${row("plain contenteditable", typing.plainContenteditableBaselineMs)}
`;
}

export function renderEditorMarkdown(save: EditorSaveFile | null, typing: EditorTypingFile | null): string {
  return [
    "# Editor benchmarks\n\nThe latest run of each; every figure is from its JSON in this folder.\n",
    save ? saveSection(save) : "## Saving a story (scripts/bench-save.ts)\n\nNot run yet.\n",
    typing ? typingSection(typing) : "## Typing in a long story (scripts/bench-editor.ts)\n\nNot run yet.\n",
  ].join("\n");
}
