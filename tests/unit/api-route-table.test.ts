// The /api/v1 routes are read from the route files: the path from where the file sits, the
// methods from what it exports, each with the spec it was built with. A method exported without
// a spec is refused, so nothing reaches the API undescribed.
import { describe, expect, it } from "vitest";
import { apiRouteModules, apiRoutes } from "@/app/api/v1/api-routes";
import { publicApiRoute, staffApiRoute } from "@/lib/api/api-route";
import { responses } from "@/lib/api/response-schemas";
import { apiPathOf, loadApiRoutes } from "@/lib/api/route-table";
import { apiRouteModulesOnDisk } from "@/server/api-route-files";

// Importing every route module takes seconds on a busy machine: once, before the tests.
const treeRoutes = await apiRoutes();

describe("the API route table", () => {
  it("takes a route's path from where its file sits", () => {
    expect(apiPathOf("./me/route.ts")).toBe("/api/v1/me");
    expect(apiPathOf("./articles/[id]/revisions/[n]/restore/route.ts")).toBe("/api/v1/articles/{id}/revisions/{n}/restore");
    expect(apiPathOf("./openapi.json/route.ts")).toBe("/api/v1/openapi.json");
    expect(apiPathOf("./(comments)/comments/[id]/route.ts")).toBe("/api/v1/comments/{id}");
    expect(() => apiPathOf("./files/[...rest]/route.ts")).toThrow(/catch-all/);
  });

  it("reads each exported method with its spec; access comes from the wrapper", async () => {
    const spec = { summary: "s", response: responses.ok, tag: "meta" } as const;
    const routes = await loadApiRoutes({
      "./things/[id]/route.ts": async () => ({ GET: publicApiRoute(spec, async () => ({})), DELETE: staffApiRoute(spec, async () => ({})), dynamic: "force-dynamic" }),
      "./_private/route.ts": async () => ({ GET: () => new Response() }),
    });
    expect(routes.map(({ method, path, access, file }) => ({ method, path, access, file }))).toEqual([
      { method: "GET", path: "/api/v1/things/{id}", access: "public", file: "./things/[id]/route.ts" },
      { method: "DELETE", path: "/api/v1/things/{id}", access: "staff", file: "./things/[id]/route.ts" },
    ]);
  });

  it("refuses a method exported without a spec", async () => {
    await expect(loadApiRoutes({ "./bare/route.ts": async () => ({ POST: async () => new Response() }) })).rejects.toThrow(/app\/api\/v1\/bare\/route\.ts: POST is not described/);
    await expect(loadApiRoutes({ "./head/route.ts": async () => ({ HEAD: async () => new Response() }) })).rejects.toThrow(/HEAD is not described/);
  });

  it("describes every method of every route file under app/api/v1", () => {
    const routes = treeRoutes;
    expect(routes.map((route) => `${route.method} ${route.path}`)).toEqual(
      expect.arrayContaining(["GET /api/v1/me", "POST /api/v1/articles/{id}/approve", "DELETE /api/v1/articles/{id}/schedule", "POST /api/v1/media", "POST /api/v1/articles/{id}/comments"]),
    );
    const files = new Set(routes.map((route) => route.file));
    expect([...files].sort()).toEqual(Object.keys(apiRouteModules()).sort());
  });

  it("is listed alike by the bundler (the app, the tests) and from disk (the server's build step)", () => {
    expect(Object.keys(apiRouteModulesOnDisk())).toEqual(Object.keys(apiRouteModules()).sort());
  });
});
