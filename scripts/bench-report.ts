// npm run bench:report: renders every bench/*.md again from the JSON beside it (after a change to a
// report's wording; the figures only ever come from a run).
import { writeFile } from "node:fs/promises";
import path from "node:path";
import { renderBenchReports } from "./bench/reports";

const dir = path.join(process.cwd(), "bench");
for (const [name, text] of Object.entries(await renderBenchReports(dir))) {
  await writeFile(path.join(dir, name), text);
  console.log(`[bench:report] wrote bench/${name}`);
}
