// The reader bundle: the few interactive parts of reader pages (components/islands/) and React
// DOM, in one file of our own that the response cache's kept pages load instead of the Next.js
// runtime (server/response-cache/reader-page-strip.ts). Built with the app (server/build.ts) into
// .next/islands/ under a name with its content's hash, so it is sent as immutable; anything else
// under /_islands/ is a 404.
import { existsSync, readFileSync, writeFileSync } from "node:fs";
import type { IncomingMessage, ServerResponse } from "node:http";
import path from "node:path";
import { chooseEncoding } from "@/server/response-cache/request-rules";
import { storeBody, storedBodyIn, type StoredBody } from "@/server/response-cache/stored-body";

/** Where server/build.ts writes it. */
export const ISLANDS_OUT_DIR = path.join(process.cwd(), ".next", "islands");
const URL_PREFIX = "/_islands/";
const FILE_NAME = /^reader\.[A-Z0-9]+\.js$/;

/** The file naming the current build's bundle; the bundles of earlier builds stay beside it. */
const CURRENT_FILE = "current.txt";
/** Bundles of earlier builds kept (server/build.ts prunes the rest). */
export const EARLIER_BUNDLES_KEPT = 5;

/** Whether a built bundle is in place (server/build.ts rebuilds when it is not). */
export function islandsBundleBuilt(dir = ISLANDS_OUT_DIR): boolean {
  return currentBundleName(dir) !== null;
}

/** Names `name` as the current build's bundle (server/build.ts, after writing it). */
export function markCurrentBundle(name: string, dir = ISLANDS_OUT_DIR): void {
  writeFileSync(path.join(dir, CURRENT_FILE), `${name}\n`);
}

function currentBundleName(dir: string): string | null {
  const file = path.join(dir, CURRENT_FILE);
  if (!existsSync(file)) return null;
  const name = readFileSync(file, "utf8").trim();
  return FILE_NAME.test(name) && existsSync(path.join(dir, name)) ? name : null;
}

export interface IslandsBundle {
  /** The address pages load it from, e.g. /_islands/reader.AB12CD34.js. */
  url: string;
  /** Answers a request for a bundle (true), a 404 for any other /_islands/ address (true), or leaves it (false). */
  serve(req: IncomingMessage, res: ServerResponse): boolean;
}

/**
 * The built bundle, read once; null when none was built (development: pages keep the Next.js
 * runtime). Earlier builds' bundles are served too: a page a CDN or an instance still on the
 * previous build keeps names its own bundle, and during a rolling deploy that request may reach
 * an instance already on the new build (Next.js's deployment skew, for our one file).
 */
export function loadIslandsBundle(dir = ISLANDS_OUT_DIR): IslandsBundle | null {
  const name = currentBundleName(dir);
  if (!name) return null;
  const bodies = new Map<string, StoredBody>();
  const bodyOf = (file: string): StoredBody | null => {
    if (!FILE_NAME.test(file)) return null;
    const known = bodies.get(file);
    if (known) return known;
    if (!existsSync(path.join(dir, file))) return null;
    const body = storeBody(readFileSync(path.join(dir, file)));
    bodies.set(file, body);
    return body;
  };
  bodyOf(name);
  return {
    url: `${URL_PREFIX}${name}`,
    serve(req, res) {
      const address = req.url ?? "";
      if (!address.startsWith(URL_PREFIX)) return false;
      const body = req.method === "GET" || req.method === "HEAD" ? bodyOf(address.split("?")[0]!.slice(URL_PREFIX.length)) : null;
      if (!body) {
        res.writeHead(404, { "content-type": "text/plain; charset=utf-8", "cache-control": "no-store" });
        res.end("Not Found");
        return true;
      }
      const encoding = chooseEncoding(req.headers["accept-encoding"]);
      const bytes = storedBodyIn(body, encoding);
      res.writeHead(200, {
        "content-type": "text/javascript; charset=utf-8",
        "cache-control": "public, max-age=31536000, immutable",
        "x-content-type-options": "nosniff",
        vary: "Accept-Encoding",
        ...(encoding === "identity" ? {} : { "content-encoding": encoding }),
        "content-length": String(bytes.length),
      });
      res.end(req.method === "HEAD" ? undefined : bytes);
      return true;
    },
  };
}
