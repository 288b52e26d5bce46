import { brotliDecompressSync, gunzipSync } from "node:zlib";
import { describe, expect, it } from "vitest";
import { buildPageTemplate, gzipBody, identityBody, reusableIdentityBody } from "@/server/response-cache/page-template";

const rendered = (nonce: string) =>
  Buffer.from(
    `<!DOCTYPE html><html lang="ko"><head><script nonce="${nonce}">self.__next_f=[]</script></head><body>` +
      "<p>고양시 경제자유구역 지정 추진. ".repeat(400) +
      `</p><script nonce="${nonce}">self.__next_f.push([1,"x"])</script><script src="/a.js" nonce="${nonce}" async></script></body></html>`,
  );

describe("a cached page with a fresh nonce per response", () => {
  const renderedNonce = "T2xkTm9uY2VGcm9tUmVuZGVy";
  const template = buildPageTemplate(rendered(renderedNonce), renderedNonce);

  it("puts the new nonce everywhere the rendered one was, and nowhere else changes", () => {
    const fresh = "RnJlc2hOb25jZUZvclRoaXM=";
    expect(identityBody(template, fresh).toString()).toBe(rendered(fresh).toString());
  });

  it("builds a valid gzip stream around the precompressed pieces for any nonce", () => {
    for (const fresh of ["RnJlc2hOb25jZUZvclRoaXM=", "a", "x".repeat(100), "한글논스"]) {
      const gz = gzipBody(template, fresh);
      expect(gunzipSync(gz).toString()).toBe(rendered(fresh).toString());
    }
  });

  it("is much smaller than the body when gzipped", () => {
    expect(gzipBody(template, "n").length).toBeLessThan(rendered("n").length / 5);
  });

  it("a body without a nonce is compressed once, as gzip and brotli", () => {
    const xml = Buffer.from(`<?xml version="1.0"?><rss>${"<item>기사</item>".repeat(100)}</rss>`);
    const plain = buildPageTemplate(xml, null);
    expect(gunzipSync(gzipBody(plain, "ignored")).equals(xml)).toBe(true);
    expect(plain.brotli && brotliDecompressSync(plain.brotli).equals(xml)).toBe(true);
    expect(identityBody(plain, "ignored").equals(xml)).toBe(true);
  });

  it("adjacent and edge occurrences of the nonce still round-trip", () => {
    const n = "Tk9OQ0U=";
    const body = Buffer.from(`${n}${n}middle${n}`);
    const edgy = buildPageTemplate(body, n);
    expect(gunzipSync(gzipBody(edgy, "zz")).toString()).toBe("zzzzmiddlezz");
  });
});

describe("reused identity bodies", () => {
  const renderedNonce = "T2xkTm9uY2VGcm9tUmVuZGVy";
  const template = buildPageTemplate(rendered(renderedNonce), renderedNonce);

  it("a body given back serves the next response with only its nonce changed", () => {
    const first = reusableIdentityBody(template, "AAAAAAAAAAAAAAAAAAAAAA==");
    expect(first.body.toString()).toBe(rendered("AAAAAAAAAAAAAAAAAAAAAA==").toString());
    first.release();
    const second = reusableIdentityBody(template, "QkJCQkJCQkJCQkJCQkJCQg==");
    expect(second.body).toBe(first.body);
    expect(second.body.toString()).toBe(rendered("QkJCQkJCQkJCQkJCQkJCQg==").toString());
  });

  it("a body still being sent is never handed to another response", () => {
    const held = reusableIdentityBody(template, "Q0NDQ0NDQ0NDQ0NDQ0NDQw==");
    const other = reusableIdentityBody(template, "RERERERERERERERERERERA==");
    expect(other.body).not.toBe(held.body);
    expect(held.body.toString()).toBe(rendered("Q0NDQ0NDQ0NDQ0NDQ0NDQw==").toString());
  });
});

describe("what a cached page holds in memory", () => {
  it("its compressed pieces occupy what they measure, not zlib's output chunks (the cache's byte budget counts them)", () => {
    const renderedNonce = "T2xkTm9uY2VGcm9tUmVuZGVy";
    const template = buildPageTemplate(rendered(renderedNonce), renderedNonce);
    const deflatedBytes = template.deflated.reduce((sum, piece) => sum + piece.length, 0);
    const held = new Set(template.deflated.map((piece) => piece.buffer));
    const heldBytes = [...held].reduce((sum, buffer) => sum + buffer.byteLength, 0);
    expect(heldBytes).toBe(deflatedBytes);
  });
});
