// The response cache's reading of an address: plain addresses skip URL parsing, and must then be
// exactly what parsing would have made of them.
import { fc, it } from "@fast-check/vitest";
import { describe, expect } from "vitest";
import { isParsedForm } from "@/server/response-cache/request-rules";

const pieces = ["/", ".", "..", "%", "%2e", "%2E", "%41", "2", "e", "a", "Z", "_", "-", "~", "'", "@", ":", ";", "=", "+", "한", " ", "?", "#", "\\", "`", "{", "\t"];

describe("request rules", () => {
  it.prop([fc.array(fc.constantFrom(...pieces), { maxLength: 12 })], { numRuns: 2_000 })("an address taken as parsed is what URL parsing makes of it", (parts) => {
    const raw = `/${parts.join("")}`;
    if (!isParsedForm(raw)) return;
    const parsed = new URL(raw, "http://cache.invalid");
    expect(parsed.pathname).toBe(raw);
    expect(parsed.search).toBe("");
  });

  it("takes readers' usual addresses as they are and leaves dot segments, queries and raw characters to parsing", () => {
    expect(isParsedForm("/articles/1234/%EC%84%9C%EC%9A%B8-story")).toBe(true);
    expect(isParsedForm("/sections/politics/feed.xml")).toBe(true);
    expect(isParsedForm("/")).toBe(true);
    for (const raw of ["/a/../b", "/a/./b", "/a/%2e%2E/b", "/a?b=1", "/a#b", "/a\\b", "/기사", "/a b"]) expect(isParsedForm(raw), raw).toBe(false);
  });
});
