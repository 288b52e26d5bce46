// Every method exported by a route file under app/api/v1 must be in lib/api/route-registry.ts,
// so the hostile-input test (and the API description) cannot miss a route.
import { readdir, readFile } from "node:fs/promises";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { API_ROUTES } from "@/lib/api/route-registry";

const API_DIR = path.join(process.cwd(), "app", "api", "v1");

async function routeFiles(dir: string): Promise<string[]> {
  const entries = await readdir(dir, { withFileTypes: true });
  const nested = await Promise.all(entries.map((entry) => (entry.isDirectory() ? routeFiles(path.join(dir, entry.name)) : Promise.resolve(entry.name === "route.ts" ? [path.join(dir, entry.name)] : []))));
  return nested.flat();
}

/** "/api/v1/articles/[id]/[action]" -> a pattern that matches registry paths such as /api/v1/articles/{id}/submit. */
function patternFor(file: string): RegExp {
  const segments = path.relative(path.join(process.cwd(), "app"), path.dirname(file)).split(path.sep);
  const source = segments.map((segment) => (/^\[.+\]$/.test(segment) ? "[^/]+" : segment.replace(/[.*+?^${}()|\\]/g, "\\$&"))).join("/");
  return new RegExp(`^/${source}$`);
}

describe("the API route registry", () => {
  it("lists every method of every route file", async () => {
    const missing: string[] = [];
    for (const file of await routeFiles(API_DIR)) {
      const source = await readFile(file, "utf8");
      const methods = [...source.matchAll(/export const (GET|POST|PATCH|PUT|DELETE)\b/g)].map((match) => match[1]);
      const pattern = patternFor(file);
      for (const method of methods) {
        if (!API_ROUTES.some((route) => route.method === method && pattern.test(route.path))) missing.push(`${method} ${path.relative(process.cwd(), file)}`);
      }
    }
    expect(missing).toEqual([]);
  });

  it("has no entry without a route file behind it", async () => {
    const patterns = (await routeFiles(API_DIR)).map(patternFor);
    const orphans = API_ROUTES.filter((route) => !patterns.some((pattern) => pattern.test(route.path)));
    expect(orphans).toEqual([]);
  });
});
