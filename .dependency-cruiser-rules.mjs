// The dependency rules `npm run lint:deps` checks (docs/architecture.md "Layers"), in two passes
// over the same tree: .dependency-cruiser.mjs (the layers and cycles, type-only imports counted)
// and .dependency-cruiser-client.mjs (the client boundary, counting only imports that reach the
// browser). tests/unit/dependency-rules.test.ts plants a violation of each in a tree of its own.
import { existsSync, readdirSync, readFileSync } from "node:fs";
import path from "node:path";

const escape = (text) => text.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");

/** A regular expression for exactly these paths (one that matches nothing when there are none). */
const exactly = (files) => (files.length > 0 ? `^(${files.map(escape).join("|")})$` : "^$.");

/** The source files under app/, components/ and lib/ of `baseDir` whose first statement is `directive`. */
function modulesWithDirective(baseDir, directive) {
  const firstStatement = new RegExp(`^\\s*(//[^\\n]*\\n\\s*|/\\*[\\s\\S]*?\\*/\\s*)*["']${directive}["']`);
  return ["app", "components", "lib"]
    .filter((dir) => existsSync(path.join(baseDir, dir)))
    .flatMap((dir) => readdirSync(path.join(baseDir, dir), { recursive: true, encoding: "utf8" }).map((file) => path.join(dir, file).split(path.sep).join("/")))
    .filter((file) => /\.(ts|tsx)$/.test(file) && !file.startsWith("lib/generated/"))
    .filter((file) => firstStatement.test(readFileSync(path.join(baseDir, file), "utf8")))
    .sort();
}

export const layerRules = [
  {
    name: "lib-is-the-domain",
    comment: "lib/ is the domain: it never imports the app, the components or the process that hosts Next.js (server/).",
    severity: "error",
    from: { path: "^lib/" },
    to: { path: "^(app|components|server)/" },
  },
  {
    name: "host-stays-outside-the-app",
    comment: "server/ hosts Next.js; the code that runs inside Next.js's bundle (app, components, lib, proxy.ts) does not import it. Entry points (scripts/, tests/) may.",
    severity: "error",
    from: { path: "^(app|components|lib)/|^proxy\\.ts$" },
    to: { path: "^server/" },
  },
  {
    name: "no-cycles",
    comment: "An import cycle (type-only imports count): move what both sides need into a module of its own.",
    severity: "error",
    from: {},
    to: { circular: true },
  },
];

/** The client boundary of the tree at `baseDir`: from each "use client" module, through whatever it imports. */
export function clientRules(baseDir) {
  return [
    {
      name: "client-never-reaches-server-only",
      comment: 'A "use client" module, or a module it imports at run time, reaches one marked import "server-only".',
      severity: "error",
      from: { path: exactly(modulesWithDirective(baseDir, "use client")) },
      to: { path: "node_modules/server-only/", reachable: true },
    },
  ];
}

export const baseOptions = {
  doNotFollow: { path: ["node_modules", "^lib/generated/"] },
  exclude: { path: ["^\\.next/", "^\\.data/", "^coverage/"] },
  tsPreCompilationDeps: true,
  enhancedResolveOptions: { exportsFields: ["exports"], conditionNames: ["import", "require", "node", "default"], extensions: [".ts", ".tsx", ".js", ".mjs", ".cjs", ".json"] },
};

/**
 * The client pass: type-only imports are erased before the browser gets the code, and a server
 * action module ("use server") reaches the browser as a reference, not as code: neither is followed.
 */
export function clientOptions(baseDir) {
  return {
    ...baseOptions,
    tsPreCompilationDeps: false,
    doNotFollow: { path: [...baseOptions.doNotFollow.path, exactly(modulesWithDirective(baseDir, "use server"))] },
  };
}
