import { describe, expect, it } from "vitest";
import { safeCallbackUrl } from "@/lib/auth/safe-callback-url";

describe("where to go after signing in", () => {
  it.each([
    ["/newsroom/staff", "/newsroom/staff"],
    ["/newsroom/articles/3?tab=history#top", "/newsroom/articles/3?tab=history#top"],
  ])("keeps the site path %s", (raw, expected) => {
    expect(safeCallbackUrl(raw)).toBe(expected);
  });

  it.each([
    "/.//evil.example",
    "/..//evil.example",
    "/x/..//evil.example",
    "/%2e//evil.example",
    "/%2E%2E//evil.example",
    "/x/%2e%2e//evil.example",
    "/./\\evil.example",
    "/.//evil.example/newsroom?x=1",
    "/.///evil.example",
    "/x/../..//evil.example",
  ])("refuses the dot-segment trick %j (it normalises to a network path)", (raw) => {
    expect(safeCallbackUrl(raw)).toBe("/newsroom");
  });

  it.each(["/./newsroom", "/newsroom/../newsroom/staff", "/%2e/newsroom"])("normalises %j to a plain site path", (raw) => {
    const result = safeCallbackUrl(raw);
    expect(result.startsWith("/")).toBe(true);
    expect(result.startsWith("//")).toBe(false);
    expect(new URL(result, "http://site.test").host).toBe("site.test");
  });

  it.each(["//evil.example/login", "/\\evil.example", "/\t/evil.example", "/\n/evil.example", "https://evil.example/", "javascript:alert(1)", "evil.example", "", undefined])(
    "sends %j to the newsroom instead",
    (raw) => {
      expect(safeCallbackUrl(raw)).toBe("/newsroom");
    },
  );
});

describe("a callback address given twice", () => {
  it("is not a string but an array (?callbackUrl=/a&callbackUrl=/b): the fallback, not an error", () => {
    expect(safeCallbackUrl(["/newsroom/staff", "/newsroom"] as unknown as string)).toBe("/newsroom");
  });
});
