// The comment routes answered in front of Next.js (server/api-fast-lane.ts) must send the
// same headers Next.js gives every /api response (next.config.js), and be public routes of the
// registry (the lane has no session, so a staff route there would be a hole).
import { readFileSync } from "node:fs";
import path from "node:path";
import { pathToFileURL } from "node:url";
import type { NextConfig } from "next";
import { describe, expect, it } from "vitest";
import { API_ROUTES } from "@/lib/api/route-registry";
import { API_RESPONSE_HEADERS } from "@/server/api-response-headers";

async function loadNextConfig(): Promise<NextConfig> {
  const loaded: { default: NextConfig } = await import(pathToFileURL(path.join(process.cwd(), "next.config.js")).href);
  return loaded.default;
}

describe("the API fast lane", () => {
  it("sends the headers next.config.js gives /api responses", async () => {
    const rules = (await (await loadNextConfig()).headers?.()) ?? [];
    const forApi = rules.filter((rule) => rule.source === "/:path*" || rule.source === "/api/:path*").flatMap((rule) => rule.headers);
    const expected = Object.fromEntries(forApi.map((header) => [header.key.toLowerCase(), header.value]));
    expect(API_RESPONSE_HEADERS).toEqual(expected);
  });

  it("takes only public routes from the registry", () => {
    const source = readFileSync("server/api-fast-lane.ts", "utf8");
    const lanes = [...source.matchAll(/method: "(GET|POST)", pattern: \/\^(.+?)\$\//g)].map((match) => ({ method: match[1], path: (match[2] ?? "").replaceAll("\\/", "/").replace("([^/]+)", "{id}") }));
    expect(lanes.length).toBeGreaterThanOrEqual(4);
    for (const lane of lanes) {
      const route = API_ROUTES.find((entry) => entry.method === lane.method && entry.path === lane.path);
      expect(route, `${lane.method} ${lane.path}`).toBeDefined();
      expect(route?.access).toBe("public");
    }
  });
});
