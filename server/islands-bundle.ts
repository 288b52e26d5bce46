// The reader bundle: the few interactive parts of reader pages (components/islands/) and React
// DOM, in one file of our own that the response cache's kept pages load instead of the Next.js
// runtime (server/response-cache/reader-page-strip.ts). Built with the app (server/build.ts) into
// .next/islands/ under a name with its content's hash, so it is sent as immutable; anything else
// under /_islands/ is a 404.
import { existsSync, readdirSync, readFileSync } from "node:fs";
import type { IncomingMessage, ServerResponse } from "node:http";
import path from "node:path";
import { chooseEncoding } from "@/server/response-cache/request-rules";
import { storeBody, storedBodyIn, type StoredBody } from "@/server/response-cache/stored-body";

/** Where server/build.ts writes it. */
export const ISLANDS_OUT_DIR = path.join(process.cwd(), ".next", "islands");
const URL_PREFIX = "/_islands/";
const FILE_NAME = /^reader\.[A-Z0-9]+\.js$/;

/** Whether a built bundle is in place (server/build.ts rebuilds when it is not). */
export function islandsBundleBuilt(): boolean {
  return builtBundleName() !== null;
}

function builtBundleName(): string | null {
  if (!existsSync(ISLANDS_OUT_DIR)) return null;
  return readdirSync(ISLANDS_OUT_DIR).find((name) => FILE_NAME.test(name)) ?? null;
}

export interface IslandsBundle {
  /** The address pages load it from, e.g. /_islands/reader.AB12CD34.js. */
  url: string;
  /** Answers a request for the bundle (true), a 404 for any other /_islands/ address (true), or leaves it (false). */
  serve(req: IncomingMessage, res: ServerResponse): boolean;
}

/** The built bundle, read once; null when none was built (development: pages keep the Next.js runtime). */
export function loadIslandsBundle(): IslandsBundle | null {
  const name = builtBundleName();
  if (!name) return null;
  const url = `${URL_PREFIX}${name}`;
  const body: StoredBody = storeBody(readFileSync(path.join(ISLANDS_OUT_DIR, name)));
  return {
    url,
    serve(req, res) {
      const address = req.url ?? "";
      if (!address.startsWith(URL_PREFIX)) return false;
      const found = address.split("?")[0] === url && (req.method === "GET" || req.method === "HEAD");
      if (!found) {
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
