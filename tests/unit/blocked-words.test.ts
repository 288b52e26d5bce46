// The blocked-word matcher against the starter list: disguised abuse the way it is really
// written must be caught; innocent Korean text that merely contains a blocked pair of letters
// must pass. Both tables are files (tests/fixtures/blocked-words), grouped by kind of disguise,
// and run against the real data files (lib/comments/blocked-words/data); the test measures the
// rate caught and the rate of innocent text held, and prints both.
import { readFileSync } from "node:fs";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { compileBlockedWords } from "@/lib/comments/blocked-words/blocked-word-matcher";
import { parseWordList } from "@/lib/comments/blocked-words/word-list-file";

const dataDir = path.join(process.cwd(), "lib/comments/blocked-words/data");
const tableDir = path.join(process.cwd(), "tests/fixtures/blocked-words");
const starter = parseWordList(readFileSync(path.join(dataDir, "starter-ko.txt"), "utf8"));
const innocentWords = parseWordList(readFileSync(path.join(dataDir, "innocent-ko.txt"), "utf8"));
const matcher = compileBlockedWords(starter, innocentWords);

/** Lines of a table file: '#' starts a comment line, blank lines are skipped (text may hold '#' elsewhere). */
function tableLines(name: string): string[] {
  return readFileSync(path.join(tableDir, name), "utf8")
    .split(/\r?\n/)
    .filter((line) => line.trim() && !line.startsWith("#"));
}

// [comment, the listed word it must be caught as ("*": any)]
const DISGUISED = tableLines("disguised-ko.tsv").map((line): [string, string] => {
  const [text = "", word = ""] = line.split("\t");
  return [text, word];
});
const INNOCENT = tableLines("innocent-ko.txt");

const results = { caught: 0, innocentHeld: 0 };

describe("blocked words: disguised abuse is caught", () => {
  it.each(DISGUISED)("%s -> %s", (text, word) => {
    const hit = matcher.findBlockedWord(text);
    if (hit) results.caught += 1;
    expect(hit === null ? null : word === "*" ? "*" : hit.word).toBe(word);
  });
});

describe("blocked words: innocent text passes", () => {
  it.each(INNOCENT)("%s", (text) => {
    const hit = matcher.findBlockedWord(text);
    if (hit) results.innocentHeld += 1;
    expect(hit).toBeNull();
  });
});

describe("the tables", () => {
  it("cover every kind of disguise and of innocent text", () => {
    expect(DISGUISED.length).toBeGreaterThanOrEqual(130);
    expect(INNOCENT.length).toBeGreaterThanOrEqual(100);
  });
});

afterAll(() => {
  const percent = (part: number, whole: number) => `${((100 * part) / whole).toFixed(1)}%`;
  console.log(
    `blocked words: caught ${results.caught}/${DISGUISED.length} disguised (${percent(results.caught, DISGUISED.length)}); ` +
      `held ${results.innocentHeld}/${INNOCENT.length} innocent (false positives ${percent(results.innocentHeld, INNOCENT.length)})`,
  );
});
