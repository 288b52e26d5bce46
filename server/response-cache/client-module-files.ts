// Which source file each client module id of the production build is, read from the client
// reference manifests Next.js writes for every route (.next/server/app/**/
// *_client-reference-manifest.js): the RSC payload of a page names its client components by
// these ids only. The reader-page strip (reader-page-strip.ts) lets a page go without the
// Next.js runtime only when each id is Next.js's own module or a registered island's file.
import { existsSync, readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { ISLAND_SOURCES } from "@/components/islands/island-sources";

const MANIFEST_SUFFIX = "_client-reference-manifest.js";
// `[project]/components/x.tsx <module evaluation>` and `[project]/components/x.tsx#Name` name one file.
const PROJECT_FILE = /^\[project\]\/([^ #]+)/;

interface ClientManifest {
  clientModules?: Record<string, { id?: string | number }>;
}

/** Module id to source file (relative to the project), over every route's manifest under `nextDir`. */
export function readClientModuleFiles(nextDir: string): Map<string, Set<string>> {
  const files = new Map<string, Set<string>>();
  const appDir = path.join(nextDir, "server", "app");
  if (!existsSync(appDir)) return files;
  for (const name of readdirSync(appDir, { recursive: true, encoding: "utf8" })) {
    if (!name.endsWith(MANIFEST_SUFFIX)) continue;
    // `globalThis.__RSC_MANIFEST["/route"] = {JSON};`: read as data, not run.
    const source = readFileSync(path.join(appDir, name), "utf8");
    const json = source.slice(source.indexOf("] = ") + 4).trim().replace(/;$/, "");
    const manifest = JSON.parse(json) as ClientManifest;
    for (const [key, entry] of Object.entries(manifest.clientModules ?? {})) {
      const file = PROJECT_FILE.exec(key)?.[1];
      if (file === undefined || entry.id === undefined) continue;
      const id = String(entry.id);
      files.set(id, (files.get(id) ?? new Set()).add(file));
    }
  }
  return files;
}

const ISLAND_FILES = new Set<string>(Object.values(ISLAND_SOURCES));

/**
 * Whether a page may leave out Next's runtime as far as the client module `moduleId` goes (true:
 * it is a module of Next.js itself or a registered island), else what it is, for the log.
 */
export function clientModuleVerdictFrom(files: Map<string, Set<string>>): (moduleId: string) => true | string {
  return (moduleId) => {
    const known = files.get(moduleId);
    if (!known) return `with module id ${moduleId} (in no client manifest)`;
    for (const file of known) if (!file.startsWith("node_modules/next/") && !ISLAND_FILES.has(file)) return file;
    return true;
  };
}
