import { describe, expect, it } from "vitest";
import { safeCallbackUrl } from "@/lib/auth/safe-callback-url";

describe("where to go after signing in", () => {
  it.each([
    ["/newsroom/staff", "/newsroom/staff"],
    ["/newsroom/articles/3?tab=history#top", "/newsroom/articles/3?tab=history#top"],
  ])("keeps the site path %s", (raw, expected) => {
    expect(safeCallbackUrl(raw)).toBe(expected);
  });

  it.each(["//evil.example/login", "/\\evil.example", "/\t/evil.example", "/\n/evil.example", "https://evil.example/", "javascript:alert(1)", "evil.example", "", undefined])(
    "sends %j to the newsroom instead",
    (raw) => {
      expect(safeCallbackUrl(raw)).toBe("/newsroom");
    },
  );
});
