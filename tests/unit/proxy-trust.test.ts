// Headers a client can forge are believed only behind a trusted proxy (TRUST_PROXY=1); cookies
// are Secure when the configured public address is https.
import { afterEach, describe, expect, it } from "vitest";
import { isSameOriginRequest } from "@/lib/api/same-origin";
import { usesSecureCookies } from "@/lib/auth/auth-options";
import { resetServerEnv } from "@/lib/config/env";

const saved = { TRUST_PROXY: process.env.TRUST_PROXY, NEXTAUTH_URL: process.env.NEXTAUTH_URL };
function setEnv(values: Partial<Record<keyof typeof saved, string | undefined>>) {
  for (const [key, value] of Object.entries(values)) {
    if (value === undefined) delete process.env[key];
    else process.env[key] = value;
  }
  resetServerEnv();
}
afterEach(() => setEnv(saved));

const request = (headers: Record<string, string>) => new Request("http://app.internal/api/v1/articles", { method: "POST", headers });

describe("the API's Origin check", () => {
  it("ignores X-Forwarded-Host sent by a client when not behind a trusted proxy", () => {
    setEnv({ TRUST_PROXY: "0" });
    expect(isSameOriginRequest(request({ host: "news.test", origin: "http://evil.test", "x-forwarded-host": "evil.test" }))).toBe(false);
    expect(isSameOriginRequest(request({ host: "news.test", origin: "http://news.test", "x-forwarded-host": "evil.test" }))).toBe(true);
  });

  it("uses X-Forwarded-Host behind a trusted proxy", () => {
    setEnv({ TRUST_PROXY: "1" });
    expect(isSameOriginRequest(request({ host: "app:3000", origin: "https://news.example", "x-forwarded-host": "news.example" }))).toBe(true);
    expect(isSameOriginRequest(request({ host: "app:3000", origin: "http://app:3000", "x-forwarded-host": "news.example" }))).toBe(false);
  });
});

describe("session cookies", () => {
  it("are Secure when the site's address is https (TLS ended at a proxy in front)", () => {
    setEnv({ NEXTAUTH_URL: "https://news.example" });
    expect(usesSecureCookies()).toBe(true);
    setEnv({ NEXTAUTH_URL: "http://localhost:3000" });
    expect(usesSecureCookies()).toBe(false);
  });
});
