// The routes answered in front of Next.js (server/api-fast-lane.ts): the ones whose spec says so
// and only public ones (the lane has no session, so a staff route there would be a hole); a path
// goes to the route Next.js would pick; and the lane sends the headers Next.js gives every /api
// response (next.config.js).
import path from "node:path";
import { pathToFileURL } from "node:url";
import type { NextConfig } from "next";
import { describe, expect, it } from "vitest";
import { apiRoutes } from "@/app/api/v1/api-routes";
import { responses } from "@/lib/api/response-schemas";
import type { ApiRoute } from "@/lib/api/route-table";
import { laneRouteFor, laneRoutesOf } from "@/server/api-fast-lane";
import { API_RESPONSE_HEADERS } from "@/server/api-response-headers";
import { fastLaneTableOf } from "@/server/fast-lane-table";

// Importing every route module takes seconds on a busy machine: once, before the tests.
const routes = await apiRoutes();

async function loadNextConfig(): Promise<NextConfig> {
  const loaded: { default: NextConfig } = await import(pathToFileURL(path.join(process.cwd(), "next.config.js")).href);
  return loaded.default;
}

const route = (method: ApiRoute["method"], path: string, extra: { access?: "public" | "staff"; fastLane?: boolean } = {}): ApiRoute =>
  ({ method, path, file: `.${path.slice("/api/v1".length).replaceAll(/\{(\w+)\}/g, "[$1]")}/route.ts`, summary: "s", response: responses.ok, tag: "comments", access: "public", ...extra }) as ApiRoute;

describe("the API fast lane", () => {
  it("sends the headers next.config.js gives /api responses", async () => {
    const rules = (await (await loadNextConfig()).headers?.()) ?? [];
    const forApi = rules.filter((rule) => rule.source === "/:path*" || rule.source === "/api/:path*").flatMap((rule) => rule.headers);
    const expected = Object.fromEntries(forApi.map((header) => [header.key.toLowerCase(), header.value]));
    expect(API_RESPONSE_HEADERS).toEqual(expected);
  });

  it("takes the routes whose spec puts them on it, all public: readers' comment calls", () => {
    const { lane } = fastLaneTableOf(routes);
    expect(lane.map((entry) => `${entry.method} ${entry.path}`).sort()).toEqual(
      routes.filter((entry) => entry.access === "public" && entry.fastLane).map((entry) => `${entry.method} ${entry.path}`).sort(),
    );
    expect(lane.map((entry) => `${entry.method} ${entry.path}`)).toEqual(expect.arrayContaining(["GET /api/v1/articles/{id}/comments", "POST /api/v1/articles/{id}/comments"]));
    for (const entry of lane) expect(routes.find((one) => one.method === entry.method && one.path === entry.path)?.access, entry.path).toBe("public");
  });

  it("never takes a staff route, whatever its spec says", () => {
    const { lane } = fastLaneTableOf([route("POST", "/api/v1/things/{id}", { access: "staff", fastLane: true }), route("GET", "/api/v1/things/{id}", { fastLane: true })]);
    expect(lane).toEqual([{ method: "GET", path: "/api/v1/things/{id}", file: "./things/[id]/route.ts" }]);
  });

  it("matches a path and method to its route with the path's parameters", () => {
    const lane = laneRoutesOf(fastLaneTableOf([route("POST", "/api/v1/articles/{id}/comments", { fastLane: true }), route("POST", "/api/v1/comments/{id}/like", { fastLane: true })]));
    expect(laneRouteFor(lane, "POST", "/api/v1/articles/12/comments")?.params).toEqual({ id: "12" });
    expect(laneRouteFor(lane, "POST", "/api/v1/comments/7/like")?.route.file).toBe("./comments/[id]/like/route.ts");
    expect(laneRouteFor(lane, "GET", "/api/v1/articles/12/comments")).toBeNull();
    expect(laneRouteFor(lane, "POST", "/api/v1/articles/12/comments/3")).toBeNull();
    expect(laneRouteFor(lane, "POST", "/api/v1/articles//comments")).toBeNull();
  });

  it("leaves a path to Next.js when a more specific route matches it (a fixed segment beats a parameter)", () => {
    const table = fastLaneTableOf([route("GET", "/api/v1/articles/{id}/comments", { fastLane: true }), route("GET", "/api/v1/articles/recent/comments", { access: "staff" })]);
    const lane = laneRoutesOf(table);
    expect(laneRouteFor(lane, "GET", "/api/v1/articles/recent/comments")).toBeNull();
    expect(laneRouteFor(lane, "GET", "/api/v1/articles/5/comments")?.params).toEqual({ id: "5" });
  });
});
