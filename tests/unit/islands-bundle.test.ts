// The reader bundle is served by its content hash, and so are earlier builds' bundles kept beside
// it: a page cached by a CDN or rendered by an instance still on the previous build asks for its
// own bundle, which must not be a 404 during a rolling deploy.
import { mkdtempSync, writeFileSync } from "node:fs";
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { islandsBundleBuilt, loadIslandsBundle, markCurrentBundle } from "@/server/islands-bundle";

let server: Server | null = null;
afterEach(() => new Promise<void>((done) => (server ? server.close(() => done()) : done())));

async function serving(dir: string) {
  const bundle = loadIslandsBundle(dir);
  if (!bundle) throw new Error("no bundle");
  server = createServer((req, res) => {
    if (!bundle.serve(req, res)) res.writeHead(418).end();
  });
  await new Promise<void>((done) => server!.listen(0, "127.0.0.1", done));
  const base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return { url: bundle.url, get: async (address: string) => { const r = await fetch(base + address); return { status: r.status, text: await r.text() }; } };
}

describe("reader bundle", () => {
  it("pages load the current build's bundle; an earlier build's is still served; anything else is a 404", async () => {
    const dir = mkdtempSync(path.join(tmpdir(), "islands-"));
    expect(islandsBundleBuilt(dir)).toBe(false);
    writeFileSync(path.join(dir, "reader.OLD11111.js"), "old();");
    writeFileSync(path.join(dir, "reader.NEW22222.js"), "current();");
    markCurrentBundle("reader.NEW22222.js", dir);
    expect(islandsBundleBuilt(dir)).toBe(true);
    const site = await serving(dir);
    expect(site.url).toBe("/_islands/reader.NEW22222.js");
    expect(await site.get("/_islands/reader.NEW22222.js")).toEqual({ status: 200, text: "current();" });
    expect(await site.get("/_islands/reader.OLD11111.js")).toEqual({ status: 200, text: "old();" });
    expect((await site.get("/_islands/reader.GONE3333.js")).status).toBe(404);
    expect((await site.get("/_islands/current.txt")).status).toBe(404);
    expect((await site.get("/_islands/..%2Fcurrent.txt")).status).toBe(404);
    expect((await site.get("/elsewhere")).status).toBe(418);
  });
});
