import type { IncomingMessage, ServerResponse } from "node:http";
import { describe, expect, it } from "vitest";
import { metricsOfPart, serveMetrics } from "@/server/metrics-endpoint";
import { decodeRenderTags, encodeRenderTags } from "@/server/front/front-protocol";

function request(remoteAddress: string, headers: Record<string, string> = {}): IncomingMessage {
  return { method: "GET", url: "/metrics", headers, socket: { remoteAddress } } as unknown as IncomingMessage;
}
const response = () => ({ writeHead: () => undefined, end: () => undefined }) as unknown as ServerResponse;
const TOKEN = "metrics-token-0123456789";

describe("who may read /metrics", () => {
  it.each([
    ["this machine", request("127.0.0.1"), false, true],
    ["this machine over IPv6", request("::1"), false, true],
    ["the outside world", request("203.0.113.7"), false, false],
    ["the outside world through our proxy", request("127.0.0.1", { "x-forwarded-for": "203.0.113.7" }), true, false],
    ["a scraper with the token", request("203.0.113.7", { authorization: `Bearer ${TOKEN}` }), false, true],
    ["a scraper with a wrong token", request("203.0.113.7", { authorization: "Bearer wrong-token-0123456789" }), false, false],
  ])("%s: %s", (_name, req, trustProxy, allowed) => {
    expect(serveMetrics(req, response(), { trustProxy, token: TOKEN })).toBe(allowed);
  });
});

describe("/metrics with the front process (FRONT_PROCESS=on)", () => {
  const text = [
    "# HELP newsroom_http_requests_total Requests answered",
    "# TYPE newsroom_http_requests_total counter",
    'newsroom_http_requests_total{route="article",method="GET",status="2xx"} 7',
    "# HELP newsroom_http_request_duration_seconds Time",
    "# TYPE newsroom_http_request_duration_seconds histogram",
    'newsroom_http_request_duration_seconds_bucket{le="0.005",route="article"} 7',
    'newsroom_http_request_duration_seconds_sum{route="article"} 0.01',
    "# TYPE newsroom_response_cache_entries gauge",
    "newsroom_response_cache_entries 3",
    "# HELP newsroom_db_query_duration_seconds Queries",
    "# TYPE newsroom_db_query_duration_seconds histogram",
    'newsroom_db_query_duration_seconds_count{role="primary"} 2',
    "# TYPE newsroom_process_cpu_seconds_total counter",
    "newsroom_process_cpu_seconds_total 1.5",
    "",
  ].join("\n");

  it("takes requests and the cache from the front, everything else from the process behind, no family twice", () => {
    const front = metricsOfPart(text, "front");
    const behind = metricsOfPart(text, "behind");
    expect(front).toContain("newsroom_http_request_duration_seconds_bucket");
    expect(front).toContain("newsroom_response_cache_entries 3");
    expect(front).not.toContain("newsroom_db_query");
    expect(behind).toContain('newsroom_db_query_duration_seconds_count{role="primary"} 2');
    expect(behind).toContain("newsroom_process_cpu_seconds_total 1.5");
    expect(behind).not.toContain("newsroom_http_");
    expect(behind).not.toContain("newsroom_response_cache");
    expect((front + behind).split("\n").filter(Boolean).sort()).toEqual(text.split("\n").filter(Boolean).sort());
  });

  it("cache tags cross the socket whole, whatever characters a tag holds", () => {
    const tags = ["story:12", "tag:서울 시장", "reporter:a,b\"c", "latest"];
    expect([...decodeRenderTags(encodeRenderTags(tags))]).toEqual(tags);
    expect(decodeRenderTags("%E0%A4%A")).toEqual(new Set());
    expect(decodeRenderTags(undefined)).toEqual(new Set());
  });
});
