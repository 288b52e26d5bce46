// The /api/v1 routes, read from the route files themselves: a route's path is where its file
// sits under app/api/v1, its methods are what the file exports, and each method's spec is the
// one it was built with (lib/api/route-spec.ts). Whoever can list the tree hands the modules in:
// the app through import.meta.glob (app/api/v1/api-routes.ts), the server's build step from disk
// (server/api-route-files.ts).
import { HTTP_METHODS, isDescribedHandler, type ApiRouteSpec, type HttpMethod } from "@/lib/api/route-spec";

export type ApiRoute = ApiRouteSpec & {
  method: HttpMethod;
  /** The path with `{name}` for each dynamic segment, e.g. /api/v1/articles/{id}. */
  path: string;
  /** The route file, relative to app/api/v1, e.g. "./articles/[id]/route.ts". */
  file: string;
};

/** Route files keyed by their path relative to app/api/v1 ("./articles/[id]/route.ts"), each loaded on demand. */
export type RouteModules = Record<string, () => Promise<unknown>>;

/** Every export name Next.js treats as a method handler: one without a spec would go undescribed. */
const NEXT_METHOD_EXPORTS = [...HTTP_METHODS, "HEAD", "OPTIONS"];

/** "./articles/[id]/route.ts" -> "/api/v1/articles/{id}"; route groups "(name)" add nothing to the path. */
export function apiPathOf(file: string): string {
  const segments = file.replace(/^\.\//, "").split("/").slice(0, -1);
  const parts = segments.flatMap((segment) => {
    if (/^\(.+\)$/.test(segment)) return [];
    if (segment.startsWith("[...") || segment.startsWith("[[")) throw new Error(`${file}: catch-all segments are not supported under /api/v1`);
    const dynamic = /^\[(.+)\]$/.exec(segment);
    return [dynamic ? `{${dynamic[1]}}` : segment];
  });
  return ["/api/v1", ...parts].join("/");
}

const METHOD_ORDER = new Map<string, number>(HTTP_METHODS.map((method, index) => [method, index]));

/** By path, then GET, POST, PUT, PATCH, DELETE: the same order however the tree was listed. */
function byPathThenMethod(a: ApiRoute, b: ApiRoute): number {
  if (a.path !== b.path) return a.path < b.path ? -1 : 1;
  return (METHOD_ORDER.get(a.method) ?? 0) - (METHOD_ORDER.get(b.method) ?? 0);
}

/** Every method of every route file, with its spec. Throws when a file exports a method without one. */
export async function loadApiRoutes(modules: RouteModules): Promise<ApiRoute[]> {
  const routes: ApiRoute[] = [];
  for (const [file, load] of Object.entries(modules)) {
    // Files in private folders ("_name") are not routes in Next.js.
    if (file.split("/").some((segment) => segment.startsWith("_"))) continue;
    const path = apiPathOf(file);
    const exports = (await load()) as Record<string, unknown>;
    for (const name of NEXT_METHOD_EXPORTS) {
      const handler = exports[name];
      if (handler === undefined) continue;
      if (!isDescribedHandler(handler) || !(HTTP_METHODS as readonly string[]).includes(name)) {
        throw new Error(`app/api/v1/${file.replace(/^\.\//, "")}: ${name} is not described; build it with staffApiRoute or publicApiRoute and its spec`);
      }
      routes.push({ ...handler.spec, method: name as HttpMethod, path, file });
    }
  }
  return routes.sort(byPathThenMethod);
}
