// The newsroom's words, checked across its sources: Korean particles chosen for the word (es-hangul's
// josa), never "이(가)"; dates and times printed by the one formatter in lib/format (never the
// browser's locale string, which gives "2026. 12. 7. 오전 9:21:47"); and "판" used only for a
// numbered revision, never for the save counter ("판 7").
import { readdirSync, readFileSync, statSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";

const root = process.cwd();
const NEWSROOM = ["app/(newsroom)", "app/(preview)", "app/login", "components/newsroom", "components/editor", "lib"];
const SKIP = new Set(["generated", "data", "node_modules"]);

function sources(dir: string): string[] {
  const full = path.join(root, dir);
  return readdirSync(full).flatMap((name) => {
    if (SKIP.has(name)) return [];
    const child = path.join(dir, name);
    if (statSync(path.join(root, child)).isDirectory()) return sources(child);
    return /\.(ts|tsx)$/.test(name) ? [child] : [];
  });
}

/** Every line of the newsroom's sources matching `pattern`, as "file:line: text". */
function linesMatching(pattern: RegExp, options: { except?: (file: string) => boolean } = {}): string[] {
  return NEWSROOM.flatMap(sources)
    .filter((file) => !options.except?.(file))
    .flatMap((file) =>
      readFileSync(path.join(root, file), "utf8")
        .split("\n")
        .map((line, index) => ({ line, index }))
        .filter(({ line }) => pattern.test(line))
        .map(({ line, index }) => `${file}:${index + 1}: ${line.trim()}`),
    );
}

describe("the newsroom's wording", () => {
  it("never prints a particle in both forms, such as 이(가), 을(를), 은(는), 와(과) or (으)로", () => {
    expect(linesMatching(/이\(가\)|을\(를\)|은\(는\)|와\(과\)|\(으\)로|\(이\)[가-힣]/)).toEqual([]);
  });

  it("prints dates and times only through lib/format, never with the browser's locale format", () => {
    expect(linesMatching(/\.toLocale(Date|Time)String\(|Date\([^)]*\)\.toLocaleString\(|new Intl\.DateTimeFormat\(/, { except: (file) => file.startsWith("lib/format/") })).toEqual([]);
  });

  it("calls only a numbered revision 판 (3번 판), never the save counter", () => {
    // The save counter (version) is the 저장 번호, so no screen or API message may call it 판:
    // not "판 7", "(판 ${version})" or "판 번호(version)".
    expect(linesMatching(/판 \$?\{|판 번호\(version\)/)).toEqual([]);
  });
});
