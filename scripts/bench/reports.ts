// Every bench/*.md from the JSON beside it: what npm run bench:report writes and what
// tests/unit/bench-reports.test.ts holds the committed files to, so no figure is typed by hand.
import { existsSync } from "node:fs";
import { readFile, writeFile } from "node:fs/promises";
import path from "node:path";
import { renderCommentsMarkdown, type CommentsFile } from "./comments-report";
import { renderEditorMarkdown, type EditorSaveFile, type EditorTypingFile } from "./editor-report";
import { renderFaultsMarkdown, type FaultsFile } from "./faults-report";
import { reactionsResultsSection, renderReactionsMarkdown, type ReactionsFile } from "./reactions-report";
import { renderResultsMarkdown, type ResultsFile } from "./report";
import { speedRoundSection } from "./speed-round-report";

async function readJson<T>(file: string): Promise<T | null> {
  return existsSync(file) ? (JSON.parse(await readFile(file, "utf8")) as T) : null;
}

/** Each report's file name and its text, for the JSON files present in `dir`. */
export async function renderBenchReports(dir: string): Promise<Record<string, string>> {
  const json = <T>(name: string) => readJson<T>(path.join(dir, name));
  const reports: Record<string, string> = {};
  const results = await json<ResultsFile>("results.json");
  const reactions = await json<ReactionsFile>("reactions.json");
  // Under npm run bench's table: issue 24's before and after (the run of the commit before its
  // work, kept as results-before.json), and the reaction storm's own run (scripts/bench-reactions.ts).
  const before = await json<ResultsFile>("results-before.json");
  if (results) reports["RESULTS.md"] = renderResultsMarkdown(results) + speedRoundSection(before, results) + (reactions ? reactionsResultsSection(reactions) : "");
  if (reactions) reports["REACTIONS.md"] = renderReactionsMarkdown(reactions);
  const comments = await json<CommentsFile>("comments.json");
  if (comments) reports["COMMENTS.md"] = renderCommentsMarkdown(comments);
  const save = await json<EditorSaveFile>("editor-save.json");
  const typing = await json<EditorTypingFile>("editor-typing.json");
  if (save || typing) reports["EDITOR.md"] = renderEditorMarkdown(save, typing);
  const faults = await json<FaultsFile>("faults.json");
  if (faults) reports["FAULTS.md"] = renderFaultsMarkdown(faults);
  return reports;
}

/** Writes one report again from its JSON (after a benchmark wrote that JSON). */
export async function writeBenchReport(name: "EDITOR.md" | "REACTIONS.md" | "RESULTS.md", dir = path.join(process.cwd(), "bench")): Promise<void> {
  const text = (await renderBenchReports(dir))[name];
  if (text !== undefined) await writeFile(path.join(dir, name), text);
}
