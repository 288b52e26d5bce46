// What readers see of a commenter's source: a short tag derived from the salted hash, never the
// address; IPv6 privacy addresses of one network are one source.
import { describe, expect, it } from "vitest";
import { networkOf, sourceTag } from "@/lib/comments/comment-source";

describe("comment sources", () => {
  it("the tag is five base32 characters, stable for a source, different between sources", () => {
    const tag = sourceTag("a1b2c3");
    expect(tag).toMatch(/^[0-9a-hjkmnp-tv-z]{5}$/);
    expect(sourceTag("a1b2c3")).toBe(tag);
    const tags = new Set(Array.from({ length: 1000 }, (_, i) => sourceTag(`source-${i}`)));
    expect(tags.size).toBeGreaterThan(995);
  });

  it("an IPv6 address counts by its /64 network; IPv4 (also mapped) by the address", () => {
    expect(networkOf("2001:db8:1:2:aaaa:bbbb:cccc:dddd")).toBe("2001:db8:1:2::/64");
    expect(networkOf("2001:db8:1:2::1")).toBe("2001:db8:1:2::/64");
    expect(networkOf("2001:db8::")).toBe("2001:db8:0:0::/64");
    expect(networkOf("::ffff:203.0.113.7")).toBe("203.0.113.7");
    expect(networkOf("203.0.113.7")).toBe("203.0.113.7");
  });

  it("its wider network is the /48 (a home or an office): IPv4 stays the address", () => {
    expect(networkOf("2001:db8:1:2:aaaa:bbbb:cccc:dddd", 48)).toBe("2001:db8:1::/48");
    expect(networkOf("2001:db8:1:ffff::1", 48)).toBe("2001:db8:1::/48");
    expect(networkOf("2001:db8::", 48)).toBe("2001:db8:0::/48");
    expect(networkOf("::ffff:203.0.113.7", 48)).toBe("203.0.113.7");
    expect(networkOf("203.0.113.7", 48)).toBe("203.0.113.7");
  });
});
