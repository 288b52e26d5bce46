import type { IncomingMessage, ServerResponse } from "node:http";
import { describe, expect, it } from "vitest";
import { serveMetrics } from "@/server/metrics-endpoint";

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
