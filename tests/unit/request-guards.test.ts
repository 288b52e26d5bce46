import type { IncomingHttpHeaders, IncomingMessage } from "node:http";
import { describe, expect, it } from "vitest";
import { admittedPath, BODY_LIMITS, bodyLimitKind, canonicalPath, declaredLength, isPlainGet, isServerActionFromThisSite, requestPath } from "@/server/request-guards";

describe("request guards in front of Next.js", () => {
  it.each([
    ["POST", "/api/auth/callback/credentials", {}, "auth"],
    ["POST", "/api/v1/media", {}, "mediaUpload"],
    ["POST", "/api/v1/claims", {}, "claimFiling"],
    ["GET", "/api/v1/claims", {}, "default"],
    ["GET", "/api/v1/media", {}, "default"],
    ["PATCH", "/api/v1/articles/3", {}, "default"],
    ["POST", "/newsroom/account", { "next-action": "abc" }, "serverAction"],
    ["POST", "/api/auth/signin", { "next-action": "abc" }, "auth"],
  ] as const)("%s %s is limited as %s", (method, path, headers, kind) => {
    expect(bodyLimitKind(method, path, headers)).toBe(kind);
  });

  it("only photo uploads get more than 2 MB; sign-in gets 16 KB", () => {
    expect(BODY_LIMITS.default).toBe(2 * 1024 * 1024);
    expect(BODY_LIMITS.auth).toBe(16 * 1024);
    expect(BODY_LIMITS.mediaUpload).toBeGreaterThan(20 * 1024 * 1024);
    expect(BODY_LIMITS.serverAction).toBeGreaterThan(10 * 1024 * 1024);
  });

  it("reads Content-Length strictly", () => {
    expect(declaredLength({})).toBeNull();
    expect(declaredLength({ "content-length": "123" })).toBe(123);
    expect(declaredLength({ "content-length": "1e9" })).toBe("invalid");
    expect(declaredLength({ "content-length": "-1" })).toBe("invalid");
  });

  it("strips the query from the request target", () => {
    expect(requestPath("/api/v1/media?x=1")).toBe("/api/v1/media");
    expect(requestPath(undefined)).toBe("/");
  });

  it.each([
    [{ origin: "http://news.test", host: "news.test" }, false, true],
    [{ origin: "http://evil.test", host: "news.test" }, false, false],
    [{ origin: "::::", host: "news.test" }, false, false],
    [{ origin: "null", host: "news.test" }, false, false],
    [{ origin: "https://news.example", host: "app:3000", "x-forwarded-host": "news.example" }, true, true],
    [{ origin: "https://news.example", host: "app:3000", "x-forwarded-host": "news.example" }, false, false],
    [{ host: "news.test" }, false, true],
  ])("server action from %j (trust proxy %s): allowed %s", (headers, trustProxy, allowed) => {
    expect(isServerActionFromThisSite(headers, trustProxy)).toBe(allowed);
  });

  it("finds the address Next.js would redirect to: repeated slashes collapsed, no trailing slash", () => {
    expect(canonicalPath("/")).toBe("/");
    expect(canonicalPath("/articles/12")).toBe("/articles/12");
    expect(canonicalPath("/articles/12/")).toBe("/articles/12");
    expect(canonicalPath("/api//v1///articles/")).toBe("/api/v1/articles");
    expect(canonicalPath("//")).toBe("/");
    // Never a protocol-relative address another site could be reached by.
    expect(canonicalPath("//evil.example/")).toBe("/evil.example");
    expect(canonicalPath("http://host/a/")).toBe("http://host/a/");
  });

  it("admits a path as it is, redirects it to its canonical form, or refuses it when it does not decode", () => {
    const story = "/articles/12/%ED%95%9C%EA%B5%AD";
    expect(admittedPath(story)).toBe(story);
    expect(admittedPath(`${story}/`)).toBe(story);
    expect(admittedPath("/articles//12")).toBe("/articles/12");
    expect(admittedPath("/%F0%9F")).toBeNull();
    // Undecodable comes first: no redirect to an address that is refused next.
    expect(admittedPath("/%F0%9F/")).toBeNull();
  });

  it.each([
    ["GET", "/articles/12?utm_source=x", {}, true],
    ["GET", "/articles/12", { "content-length": "0" }, true],
    ["HEAD", "/articles/12", {}, false],
    ["POST", "/articles/12", {}, false],
    ["GET", "/articles/12", { "content-length": "5" }, false],
    ["GET", "/articles/12", { "transfer-encoding": "chunked" }, false],
    ["GET", "/articles/12/", {}, false],
    ["GET", "/articles//12", {}, false],
    ["GET", "/%F0%9F", {}, false],
  ] as const)("%s %s with %j is a plain GET: %s", (method, url, headers: IncomingHttpHeaders, plain) => {
    expect(isPlainGet({ method, url, headers } as IncomingMessage)).toBe(plain);
  });
});
