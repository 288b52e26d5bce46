// The two guards of a push (lib/portal/): where it may go (no private or loopback address unless
// the operator allows it, https only except on loopback) and how the receiver knows it is ours
// (HMAC-SHA256 over time and body, refused when old: a replay).
import { describe, expect, it } from "vitest";
import { endpointRefusal, isPrivateAddress } from "@/lib/portal/address-policy";
import { signatureHeader, verifySignature } from "@/lib/portal/push-signature";

describe("private addresses", () => {
  it.each(["10.1.2.3", "172.16.0.1", "172.31.255.255", "192.168.0.10", "127.0.0.1", "169.254.169.254", "100.64.0.1", "0.0.0.0", "::1", "fd12::1", "fe80::1", "::ffff:10.0.0.1", "[::1]"])("%s is private", (address) => {
    expect(isPrivateAddress(address)).toBe(true);
  });
  it.each(["8.8.8.8", "172.32.0.1", "211.234.10.1", "2001:4860:4860::8888", "portal.example.kr"])("%s is not", (address) => {
    expect(isPrivateAddress(address)).toBe(false);
  });
});

describe("a destination's endpoint", () => {
  it("must be https, except plain http on loopback when private addresses are allowed", () => {
    expect(endpointRefusal("https://portal.example.kr/ingest", false)).toBeNull();
    expect(endpointRefusal("http://portal.example.kr/ingest", true)).toMatch(/https/);
    expect(endpointRefusal("ftp://portal.example.kr/", true)).toMatch(/https/);
    expect(endpointRefusal("portal.example.kr", false)).toMatch(/주소 형식/);
    expect(endpointRefusal("http://127.0.0.1:9000/in", true)).toBeNull();
    expect(endpointRefusal("http://localhost:9000/in", false)).toMatch(/내부망/);
    expect(endpointRefusal("https://10.0.0.5/in", false)).toMatch(/PORTAL_ALLOW_PRIVATE_ADDRESSES/);
    expect(endpointRefusal("https://user:pw@portal.example.kr/", false)).toMatch(/비밀번호/);
  });
});

describe("the push signature", () => {
  const secret = "a-destination-secret-of-40-characters-xx";
  const body = JSON.stringify({ uri: "https://news.example.kr/articles/7", headlines: [{ value: "고양시 예산" }] });
  const now = new Date("2026-12-07T03:00:00Z");

  it("verifies with the same secret, body and a recent time", () => {
    expect(verifySignature(secret, body, signatureHeader(secret, body, now), new Date(now.getTime() + 60_000))).toBe(true);
  });

  it("refuses another secret, a changed body, a malformed header and an old request (replay)", () => {
    const header = signatureHeader(secret, body, now);
    expect(verifySignature("another-secret-of-forty-characters-xxxxx", body, header, now)).toBe(false);
    expect(verifySignature(secret, body.replace("7", "8"), header, now)).toBe(false);
    expect(verifySignature(secret, body, "v1=abc", now)).toBe(false);
    expect(verifySignature(secret, body, undefined, now)).toBe(false);
    expect(verifySignature(secret, body, header, new Date(now.getTime() + 10 * 60_000))).toBe(false);
  });
});
