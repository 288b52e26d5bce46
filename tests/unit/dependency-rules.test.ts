// The rules `npm run lint:deps` checks (.dependency-cruiser-rules.mjs), against a small tree with
// one violation of each planted, and one of each thing that looks like a violation but is not.
// npm run lint:deps itself checks the project's tree.
import { mkdir, mkdtemp, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { pathToFileURL } from "node:url";
import { cruise, type ICruiseOptions, type ICruiseResult } from "dependency-cruiser";
import { afterAll, beforeAll, describe, expect, it } from "vitest";

interface Rules {
  layerRules: NonNullable<NonNullable<ICruiseOptions["ruleSet"]>["forbidden"]>;
  clientRules: (baseDir: string) => Rules["layerRules"];
  baseOptions: ICruiseOptions;
  clientOptions: (baseDir: string) => ICruiseOptions;
}
const rules = (await import(pathToFileURL(path.join(process.cwd(), ".dependency-cruiser-rules.mjs")).href)) as Rules;

const TREE: Record<string, string> = {
  "node_modules/server-only/package.json": JSON.stringify({ name: "server-only", main: "index.js" }),
  "node_modules/server-only/index.js": 'throw new Error("server only");\n',
  "lib/secret.ts": 'import "server-only";\nexport type Secret = number;\nexport const secret: Secret = 1;\n',
  "lib/shared.ts": 'import { secret } from "./secret";\nexport const shared = secret + 1;\n',
  // Violation: a client component reaches lib/secret.ts through lib/shared.ts.
  "app/widget.ts": '"use client";\nimport { shared } from "../lib/shared";\nexport const widget = shared;\n',
  // Not violations: a type-only import (erased), and a server action (a reference in the browser).
  "app/typed.ts": '// A client module.\n"use client";\nimport type { Secret } from "../lib/secret";\nexport const typed: Secret | null = null;\n',
  "app/actions.ts": '"use server";\nimport { secret } from "../lib/secret";\nexport async function save() {\n  return secret;\n}\n',
  "app/form.ts": '"use client";\nimport { save } from "./actions";\nexport const form = save;\n',
  // Violation: the domain imports the host.
  "server/host.ts": "export const host = 1;\n",
  "lib/uses-host.ts": 'import { host } from "../server/host";\nexport const usesHost = host;\n',
  // Violation: a cycle of type-only imports.
  "lib/a.ts": 'import type { B } from "./b";\nexport type A = { b?: B };\n',
  "lib/b.ts": 'import type { A } from "./a";\nexport type B = { a?: A };\n',
};

let tree = "";

beforeAll(async () => {
  tree = await mkdtemp(path.join(tmpdir(), "dependency-rules-"));
  for (const [file, text] of Object.entries(TREE)) {
    await mkdir(path.dirname(path.join(tree, file)), { recursive: true });
    await writeFile(path.join(tree, file), text);
  }
});

afterAll(async () => {
  if (tree) await rm(tree, { recursive: true, force: true });
});

async function violations(options: ICruiseOptions): Promise<string[]> {
  const { output } = await cruise(["app", "lib", "server"], { ...options, baseDir: tree, validate: true });
  const result = output as ICruiseResult;
  return result.summary.violations.map((violation) => `${violation.rule.name}: ${violation.from} -> ${violation.to}`).sort();
}

// A cruise loads the TypeScript compiler: seconds on a busy machine.
describe("the dependency rules", { timeout: 60_000 }, () => {
  it("find the domain importing the host, and a cycle of type-only imports", async () => {
    expect(await violations({ ...rules.baseOptions, ruleSet: { forbidden: rules.layerRules } })).toEqual([
      "host-stays-outside-the-app: lib/uses-host.ts -> server/host.ts",
      "lib-is-the-domain: lib/uses-host.ts -> server/host.ts",
      "no-cycles: lib/a.ts -> lib/b.ts",
    ]);
  });

  it("find a client component that reaches a server-only module through another module, and nothing else", async () => {
    expect(await violations({ ...rules.clientOptions(tree), ruleSet: { forbidden: rules.clientRules(tree) } })).toEqual([
      "client-never-reaches-server-only: app/widget.ts -> node_modules/server-only/index.js",
    ]);
  });
});
