// Logs, request ids and metrics of the real app: JSON lines carrying the request's id, no
// personal data in them, Prometheus metrics for this machine only.
import { readFile } from "node:fs/promises";
import { describe, expect, inject, it } from "vitest";
import { APP_SERVER_LOG } from "../support/global-app-server";
import { postCredentials } from "../support/http-session";

const baseUrl = inject("appBaseUrl");

async function logLines(): Promise<Record<string, unknown>[]> {
  const text = await readFile(APP_SERVER_LOG, "utf8");
  return text
    .split("\n")
    .filter((line) => line.startsWith("{"))
    .map((line) => JSON.parse(line) as Record<string, unknown>);
}

describe("observability", () => {
  it("every response names its request id, and the request's log line carries it", async () => {
    // A search no one made before: rendered (a cache hit is logged only at debug level, and a
    // section page may already be in the cache from another test file).
    const response = await fetch(`${baseUrl}/search?q=${encodeURIComponent(`관측${Date.now()}`)}`);
    const id = response.headers.get("x-request-id");
    expect(id).toMatch(/^[0-9a-f-]{36}$/);
    await expect.poll(async () => (await logLines()).find((line) => line.requestId === id), { timeout: 5_000 }).toMatchObject({ route: "search", status: 200, msg: "request" });
  });

  it("a forged request id from the client is not believed (no trusted proxy here)", async () => {
    const response = await fetch(`${baseUrl}/api/health`, { headers: { "x-request-id": "forged-id-1234567890" } });
    expect(response.headers.get("x-request-id")).not.toBe("forged-id-1234567890");
  });

  it("logs no e-mail addresses, IP addresses or passwords", async () => {
    const email = `someone.private.${Date.now()}@example.com`;
    const signIn = await postCredentials(baseUrl, { email, password: "a-password-never-logged" });
    // The request's own line is written last, once it has been answered: after it, everything
    // the sign-in logged is in the file.
    const id = signIn.headers.get("x-request-id");
    await expect.poll(async () => (await logLines()).some((line) => line.requestId === id && line.msg === "request")).toBe(true);
    const text = await readFile(APP_SERVER_LOG, "utf8");
    expect(text).not.toContain(email);
    expect(text).not.toContain("a-password-never-logged");
    // The JSON log lines (the start-up banner names the address it listens on; that is not a client's).
    const json = (await logLines()).map((line) => JSON.stringify(line)).join("\n");
    expect(json.length).toBeGreaterThan(0);
    expect(json).not.toMatch(/"(ip|remoteAddress|clientIp)"\s*:/);
    expect(json).not.toContain("127.0.0.1");
  });

  it("counts cache hits in the metrics; a hit carries no request id (nothing is logged for it)", async () => {
    const hitsCounted = async () => Number(/newsroom_response_cache_total\{outcome="hit"\} (\d+)/.exec(await (await fetch(`${baseUrl}/metrics`)).text())?.[1] ?? 0);
    await fetch(`${baseUrl}/corrections`).then((response) => response.arrayBuffer());
    const before = await hitsCounted();
    const answers = await Promise.all([1, 2, 3].map(() => fetch(`${baseUrl}/corrections`)));
    const hits = answers.filter((response) => response.headers.get("x-cache") === "HIT");
    expect(hits.length).toBeGreaterThan(0);
    for (const hit of hits) expect(hit.headers.get("x-request-id")).toBeNull();
    expect(await hitsCounted()).toBe(before + hits.length);
  });

  it("serves Prometheus metrics to this machine", async () => {
    await fetch(`${baseUrl}/`);
    const response = await fetch(`${baseUrl}/metrics`);
    expect(response.status).toBe(200);
    const text = await response.text();
    for (const name of [
      "newsroom_http_requests_total",
      "newsroom_http_request_duration_seconds_bucket",
      "newsroom_response_cache_total",
      "newsroom_db_query_duration_seconds_bucket",
      "newsroom_db_pool_connections",
      "newsroom_sign_in_total",
      "newsroom_process_resident_memory_bytes",
    ]) {
      expect(text, name).toContain(name);
    }
  });
});
