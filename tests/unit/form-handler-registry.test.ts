// Every server action is built from a form handler listed in tests/support/form-handlers.ts, so
// the hostile-input test cannot miss one.
import { readdir, readFile } from "node:fs/promises";
import path from "node:path";
import { describe, expect, it } from "vitest";

async function actionFiles(dir: string): Promise<string[]> {
  const entries = await readdir(dir, { withFileTypes: true });
  const nested = await Promise.all(entries.map((entry) => (entry.isDirectory() ? actionFiles(path.join(dir, entry.name)) : Promise.resolve(entry.name === "actions.ts" ? [path.join(dir, entry.name)] : []))));
  return nested.flat();
}

describe("the form handler registry", () => {
  it("lists the handler of every server action", async () => {
    const registry = await readFile(path.join(process.cwd(), "tests/support/form-handlers.ts"), "utf8");
    const listed = new Set([...registry.matchAll(/^\s+(\w+Form),$/gm)].map((match) => match[1]));
    const missing: string[] = [];
    let actions = 0;
    for (const file of await actionFiles(path.join(process.cwd(), "app"))) {
      const source = await readFile(file, "utf8");
      for (const match of source.matchAll(/export const (\w+) = ([\s\S]*?);\n/g)) {
        actions += 1;
        const handler = /staffAction\((\w+)/.exec(match[2] ?? "")?.[1];
        if (!handler || !listed.has(handler)) missing.push(`${match[1]} in ${path.relative(process.cwd(), file)}`);
      }
    }
    expect(actions).toBeGreaterThanOrEqual(10);
    expect(missing).toEqual([]);
  });
});
