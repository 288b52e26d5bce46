import { describe, expect, it } from "vitest";
import { contentSecurityPolicy } from "@/lib/security/content-security-policy";
import { KAKAO_SDK } from "@/lib/share/kakao-sdk";
import { bandShareUrl, facebookShareUrl, xShareUrl } from "@/lib/share/share-links";

const directives = (policy: string) => Object.fromEntries(policy.split("; ").map((directive) => [directive.split(" ")[0], directive]));

describe("sharing a story", () => {
  const target = { url: "https://news.example.kr/articles/7/%EA%B3%A0%EC%96%91%EC%8B%9C", title: "고양시 “정정” & 반론" };

  it("Band gets the headline and the address as the post's text, and the address as its route", () => {
    const band = new URL(bandShareUrl(target));
    expect(band.origin + band.pathname).toBe("https://band.us/plugin/share");
    expect(band.searchParams.get("body")).toBe(`${target.title}\n${target.url}`);
    expect(band.searchParams.get("route")).toBe(target.url);
  });

  it("X and Facebook get the address (and X the headline), encoded", () => {
    const x = new URL(xShareUrl(target));
    expect([x.searchParams.get("url"), x.searchParams.get("text")]).toEqual([target.url, target.title]);
    expect(new URL(facebookShareUrl(target)).searchParams.get("u")).toBe(target.url);
  });

  it("the Content-Security-Policy names no Kakao host without a key", () => {
    const policy = contentSecurityPolicy({ nonce: "abc", dev: false, framing: "self", kakaoShare: false });
    expect(policy).not.toMatch(/kakao/i);
    expect(directives(policy)).toMatchObject({ "script-src": "script-src 'self' 'nonce-abc' 'strict-dynamic'", "connect-src": "connect-src 'self'", "form-action": "form-action 'self'" });
  });

  it("with a key it allows the SDK's host, Kakao's API and sharer page, and nothing else changes", () => {
    const without = directives(contentSecurityPolicy({ nonce: "abc", dev: false, framing: "self", kakaoShare: false }));
    const withKey = directives(contentSecurityPolicy({ nonce: "abc", dev: false, framing: "self", kakaoShare: true }));
    expect(withKey["script-src"]).toBe(`${without["script-src"]} ${new URL(KAKAO_SDK.url).origin}`);
    expect(withKey["connect-src"]).toBe("connect-src 'self' https://kapi.kakao.com");
    expect(withKey["form-action"]).toBe("form-action 'self' https://sharer.kakao.com");
    for (const name of Object.keys(without).filter((key) => !["script-src", "connect-src", "form-action"].includes(key))) {
      expect(withKey[name], name).toBe(without[name]);
    }
  });

  it("the SDK is pinned to a release with its integrity hash", () => {
    expect(KAKAO_SDK.url).toMatch(/^https:\/\/t1\.kakaocdn\.net\/kakao_js_sdk\/\d+\.\d+\.\d+\/kakao\.min\.js$/);
    expect(KAKAO_SDK.integrity).toMatch(/^sha384-[A-Za-z0-9+/]{64}$/);
  });
});
