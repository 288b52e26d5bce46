// The /api/v1 route files on disk, keyed as import.meta.glob keys them in app/api/v1/api-routes.ts
// ("./articles/[id]/route.ts"): for code that runs outside both bundlers (this process, through tsx).
import { readdirSync } from "node:fs";
import path from "node:path";
import { pathToFileURL } from "node:url";
import type { RouteModules } from "@/lib/api/route-table";

const API_ROUTE_DIR = path.join(process.cwd(), "app", "api", "v1");

/** The route file at `file` (a key of apiRouteModulesOnDisk), imported. */
export function importRouteFile(file: string): Promise<Record<string, unknown>> {
  return import(pathToFileURL(path.join(API_ROUTE_DIR, file)).href) as Promise<Record<string, unknown>>;
}

export function apiRouteModulesOnDisk(): RouteModules {
  const files = readdirSync(API_ROUTE_DIR, { recursive: true, encoding: "utf8" })
    .filter((file) => path.basename(file) === "route.ts")
    .map((file) => `./${file.split(path.sep).join("/")}`)
    .sort();
  return Object.fromEntries(files.map((file) => [file, () => importRouteFile(file)]));
}
