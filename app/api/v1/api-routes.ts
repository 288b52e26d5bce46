// Every /api/v1 route, read from the route files under this folder (not a route itself: Next.js
// routes only route.ts). The bundler lists the tree: Turbopack in the app, Vite in the tests.
// Listed on first use, not at import: the server process, which runs outside both bundlers,
// imports the route files too (the openapi.json route imports this one) and lists them from disk.
import { loadApiRoutes, type ApiRoute, type RouteModules } from "@/lib/api/route-table";

/** The route files, keyed by their path in this folder ("./articles/[id]/route.ts"). */
export function apiRouteModules(): RouteModules {
  return import.meta.glob("./**/route.ts");
}

let routes: Promise<ApiRoute[]> | undefined;

/** Every method of every route file, with its spec, by path and method. */
export function apiRoutes(): Promise<ApiRoute[]> {
  routes ??= loadApiRoutes(apiRouteModules());
  return routes;
}
