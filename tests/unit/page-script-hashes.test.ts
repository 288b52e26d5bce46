// Which inline scripts of a rendered page get a hash in its policy, and what the stored page
// keeps of the render's nonce (nothing). Whether Chromium agrees with the hashes is checked on
// the real app in tests/e2e/cached-page-csp.test.ts.
import { createHash } from "node:crypto";
import { describe, expect, it } from "vitest";
import { policyWithScriptHashes, scriptNonceIn } from "@/lib/security/content-security-policy";
import { hashNoncedScripts, headerWithoutNonce } from "@/server/response-cache/page-script-hashes";

const NONCE = "yziUDj4/l36Uno019gnYJA==";
const sha256 = (text: string) => createHash("sha256").update(text, "utf8").digest("base64");
const hashesOf = (html: string) => hashNoncedScripts(Buffer.from(html), NONCE).scriptHashes;

describe("the inline scripts a cached page's policy lists", () => {
  it.each([
    ["a nonced inline script", `<script nonce="${NONCE}">boot()</script>`, [sha256("boot()")]],
    ["Next.js's bootstrap with an id after the nonce", `<script nonce="${NONCE}" id="_R_">(self.a=1)</script>`, [sha256("(self.a=1)")]],
    ["a module script", `<script type="module" nonce="${NONCE}">go()</script>`, [sha256("go()")]],
    ["an upper-case end tag with a space", `<script nonce="${NONCE}">a()</SCRIPT >`, [sha256("a()")]],
    ["Korean text (hashed as UTF-8)", `<script nonce="${NONCE}">t("기사")</script>`, [sha256('t("기사")')]],
    ["CR LF turned into LF, as the browser's tokenizer does", `<script nonce="${NONCE}">a()\r\nb()\rc()</script>`, [sha256("a()\nb()\nc()")]],
    ["the same script twice, listed once", `<script nonce="${NONCE}">x()</script><script nonce="${NONCE}">x()</script>`, [sha256("x()")]],
    ["an empty nonced script", `<script nonce="${NONCE}"></script>`, [sha256("")]],
  ])("hashes %s", (_name, html, expected) => {
    expect(hashesOf(`<html><body>${html}</body></html>`)).toEqual(expected);
  });

  it.each([
    ["a script without a nonce (stored content printed unescaped)", "<script>steal()</script>"],
    ["a script with another nonce", `<script nonce="bm90IHRoZSBub25jZQ==">steal()</script>`],
    ["a nonce given twice, the first not the render's (the browser reads the first)", `<script nonce="x" nonce="${NONCE}">steal()</script>`],
    ["a nonce that only starts like the render's", `<script nonce="${NONCE}x">steal()</script>`],
    ["a JSON-LD data block (not run, not governed by the policy)", `<script type="application/ld+json" nonce="${NONCE}">{"a":1}</script>`],
    ["an external script (allowed as the site's own file)", `<script src="/_next/static/a.js" nonce="${NONCE}" async=""></script>`],
    ["a script holding <!-- (the browser may read it to another end)", `<script nonce="${NONCE}">a("<!--<script>")</script>b()</script>`],
  ])("does not hash %s", (_name, html) => {
    expect(hashesOf(`<html><body>${html}</body></html>`)).toEqual([]);
  });

  it("does not let an injected script borrow the end of a nonced one", () => {
    const html = `<script nonce="${NONCE}">boot()</script><p><script>steal()</script></p>`;
    expect(hashesOf(html)).toEqual([sha256("boot()")]);
  });

  it("hashes the script as it is sent: the nonce taken out of its text too (Next.js's RSC payload names it)", () => {
    const payload = `self.__next_f.push([1,"{\\"nonce\\":\\"${NONCE}\\"}"])`;
    const page = hashNoncedScripts(Buffer.from(`<script nonce="${NONCE}">${payload}</script>`), NONCE);
    const sent = `self.__next_f.push([1,"{\\"nonce\\":\\"\\"}"])`;
    expect(page.body.toString()).toBe(`<script>${sent}</script>`);
    expect(page.scriptHashes).toEqual([sha256(sent)]);
  });

  it("keeps no trace of the nonce in the stored page, and changes nothing else", () => {
    const html = `<link rel="stylesheet" href="/a.css" nonce="${NONCE}" data-precedence="next"/><script src="/b.js" async="" nonce="${NONCE}"></script><p>본문</p><script type="application/ld+json">{}</script>`;
    const page = hashNoncedScripts(Buffer.from(html), NONCE);
    expect(page.body.toString()).toBe(`<link rel="stylesheet" href="/a.css" data-precedence="next"/><script src="/b.js" async=""></script><p>본문</p><script type="application/ld+json">{}</script>`);
    expect(headerWithoutNonce(`</a.css>; rel=preload; as="style"; nonce="${NONCE}", </b.css>; rel=preload; as="style"; nonce="${NONCE}"`, NONCE)).toBe(
      `</a.css>; rel=preload; as="style", </b.css>; rel=preload; as="style"`,
    );
  });
});

describe("the policy of a cached page", () => {
  const rendered = `default-src 'self'; script-src 'self' 'nonce-${NONCE}' 'strict-dynamic' https://t1.kakaocdn.net; style-src 'self' 'unsafe-inline'; frame-ancestors 'self'`;

  it("swaps the nonce and 'strict-dynamic' for the hashes, and keeps every other source and directive", () => {
    expect(scriptNonceIn(rendered)).toBe(NONCE);
    expect(policyWithScriptHashes(rendered, ["AAA=", "BBB="])).toBe(
      "default-src 'self'; script-src 'self' https://t1.kakaocdn.net 'sha256-AAA=' 'sha256-BBB='; style-src 'self' 'unsafe-inline'; frame-ancestors 'self'",
    );
  });

  it("allows only the site's own files when the page has no inline script", () => {
    expect(policyWithScriptHashes(rendered, [])).toMatch(/script-src 'self' https:\/\/t1\.kakaocdn\.net;/);
  });

  it("is not made from a policy without a nonce (nothing to swap; the policy stays as it was)", () => {
    expect(policyWithScriptHashes("default-src 'self'; script-src 'self'", ["AAA="])).toBeNull();
    expect(scriptNonceIn("default-src 'self' 'nonce-abc'; script-src 'self'")).toBeNull();
  });
});
