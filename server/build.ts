// Decides whether the production build in .next is current, by a fingerprint of everything
// that goes into it, and runs `next build` when it is not (then writes the fast lane's table
// for the same sources: server/fast-lane-table.ts) and the reader bundle (server/islands-bundle.ts;
// its sources are under components/, in the fingerprint).
import { createHash } from "node:crypto";
import { existsSync } from "node:fs";
import { readdir, readFile, rm, stat, writeFile } from "node:fs/promises";
import { spawn } from "node:child_process";
import path from "node:path";
import { build } from "esbuild";
import { FAST_LANE_TABLE_FILE } from "@/server/fast-lane-table";
import { EARLIER_BUNDLES_KEPT, ISLANDS_OUT_DIR, islandsBundleBuilt, markCurrentBundle } from "@/server/islands-bundle";

const root = process.cwd();
const stampFile = path.join(root, ".next", "newsroom-build-stamp.txt");
const INPUT_DIRS = ["app", "components", "lib", "public"];
// The fast lane's table is written with the build, by these two files.
const INPUT_FILES = ["next.config.js", "tsconfig.json", "package-lock.json", "proxy.ts", "prisma/schema.prisma", "scripts/fast-lane-table.ts", "server/fast-lane-table.ts"];
const SKIP = new Set(["generated", "node_modules"]);

async function listFiles(dir: string): Promise<string[]> {
  if (!existsSync(dir)) return [];
  const entries = await readdir(dir, { withFileTypes: true });
  const nested = await Promise.all(
    entries
      .filter((entry) => !SKIP.has(entry.name))
      .map((entry) => {
        const full = path.join(dir, entry.name);
        return entry.isDirectory() ? listFiles(full) : Promise.resolve([full]);
      }),
  );
  return nested.flat();
}

/** A hash of every source file the build reads. */
async function computeBuildFingerprint(): Promise<string> {
  const files = [
    ...(await Promise.all(INPUT_DIRS.map((dir) => listFiles(path.join(root, dir))))).flat(),
    ...INPUT_FILES.map((file) => path.join(root, file)).filter((file) => existsSync(file)),
  ].sort();
  const hash = createHash("sha256");
  for (const file of files) {
    hash.update(path.relative(root, file));
    hash.update(await readFile(file));
  }
  return hash.digest("hex");
}

async function isBuildCurrent(fingerprint: string): Promise<boolean> {
  if (!existsSync(path.join(root, ".next", "BUILD_ID")) || !existsSync(FAST_LANE_TABLE_FILE) || !existsSync(stampFile) || !islandsBundleBuilt()) return false;
  return (await readFile(stampFile, "utf8")).trim() === fingerprint;
}

function run(args: string[], what: string): Promise<void> {
  return new Promise<void>((resolve, reject) => {
    const child = spawn(process.execPath, args, {
      cwd: root,
      env: { ...process.env, NODE_ENV: "production", NEXT_TELEMETRY_DISABLED: "1" },
      stdio: ["ignore", "inherit", "inherit"],
    });
    child.on("error", reject);
    child.on("exit", (code) => (code === 0 ? resolve() : reject(new Error(`${what} failed (exit code ${code})`))));
  });
}

/**
 * Builds the reader bundle into .next/islands/ and names it the current one; the bundles of the
 * last few earlier builds stay (pages still cached elsewhere ask for them: islands-bundle.ts).
 */
async function buildIslandsBundle(): Promise<void> {
  const result = await build({
    entryPoints: { reader: path.join(root, "components", "islands", "hydrate-islands.tsx") },
    entryNames: "[name].[hash]",
    outdir: ISLANDS_OUT_DIR,
    bundle: true,
    minify: true,
    format: "esm",
    target: "es2020",
    jsx: "automatic",
    define: { "process.env.NODE_ENV": '"production"' },
    // The islands' CSS is in the page already: Next.js bundles it into the stylesheets it links.
    loader: { ".css": "empty" },
    alias: { "@": root },
    tsconfig: path.join(root, "tsconfig.json"),
    logLevel: "warning",
    metafile: true,
  });
  const built = path.basename(Object.keys(result.metafile.outputs).find((file) => file.endsWith(".js"))!);
  markCurrentBundle(built);
  const earlier = (await readdir(ISLANDS_OUT_DIR)).filter((name) => name.startsWith("reader.") && name.endsWith(".js") && name !== built);
  const byAge = await Promise.all(earlier.map(async (name) => ({ name, mtime: (await stat(path.join(ISLANDS_OUT_DIR, name))).mtimeMs })));
  byAge.sort((a, b) => b.mtime - a.mtime);
  for (const { name } of byAge.slice(EARLIER_BUNDLES_KEPT)) await rm(path.join(ISLANDS_OUT_DIR, name), { force: true });
}

/** Runs `next build` unless the last build was made from the same sources. */
export async function ensureProductionBuild(log: (line: string) => void): Promise<"reused" | "built"> {
  const fingerprint = await computeBuildFingerprint();
  if (await isBuildCurrent(fingerprint)) return "reused";
  log("building the app (first start or sources changed; this takes a minute or two) ...");
  await run([path.join(root, "node_modules/next/dist/bin/next"), "build"], "next build");
  await run(["--import", "tsx", path.join(root, "scripts/fast-lane-table.ts")], "writing the fast lane's table");
  await buildIslandsBundle();
  await writeFile(stampFile, fingerprint + "\n");
  return "built";
}
