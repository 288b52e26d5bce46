// Every figure in bench/*.md comes from the JSON beside it: each committed report is exactly what
// its renderer makes of that JSON (npm run bench:report writes them again), and every report has
// its JSON.
import { readdir, readFile } from "node:fs/promises";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { renderBenchReports } from "@/scripts/bench/reports";

const dir = path.join(process.cwd(), "bench");

describe("bench reports", () => {
  it("every bench/*.md is rendered from its JSON, unchanged", async () => {
    const rendered = await renderBenchReports(dir);
    const committed = (await readdir(dir)).filter((name) => name.endsWith(".md")).sort();
    expect(Object.keys(rendered).sort(), "a report without its JSON").toEqual(committed);
    for (const name of committed) {
      expect(await readFile(path.join(dir, name), "utf8"), `bench/${name} differs from its JSON: npm run bench:report`).toBe(rendered[name]);
    }
  });
});
