// A reader page the response cache keeps, sent without the Next.js runtime: Next's scripts (its
// chunks, the Turbopack bootstrap, the inline RSC payload of `self.__next_f.push(...)`, about
// two thirds of an article's HTML) and their preloads are taken out, and the reader bundle
// (server/islands-bundle.ts) is loaded instead, which hydrates the parts marked as islands
// (components/islands/island.tsx). Every other script stays: JSON-LD, the saved text size,
// React's own Suspense scripts.
//
// Only when it is safe: the RSC payload names every client component the page renders (rows
// `id:I[moduleId,[chunks],"export"]`), and a page with one that is neither Next.js's own nor a
// registered island would lose that part's behaviour, so it is kept whole (and a warning names
// the component).

import { scriptElementsIn, type ScriptElement } from "@/server/response-cache/page-script-hashes";

export type StrippedPage = { stripped: true; body: Buffer } | { stripped: false; reason: string };

export interface StripOptions {
  /** The reader bundle's address. */
  bundleUrl: string;
  /** Whether the client module with this id (as the RSC payload names it) may run without Next's runtime; else the file it is. */
  clientModuleVerdict(moduleId: string): true | string;
}

const RSC_PUSH = /^\s*(?:\(self\.__next_f\s*=\s*self\.__next_f\s*\|\|\s*\[\]\)|self\.__next_f)\.push\(([\s\S]*)\)\s*;?\s*$/;
const TURBOPACK_BOOTSTRAP = /^\s*\(globalThis\["TURBOPACK"\]/;
const SCRIPT_PRELOAD = /<link\b(?=[^>]*\brel="(?:preload|modulepreload)")(?=[^>]*\bas="script"|[^>]*\brel="modulepreload")[^>]*>/gi;
const MODULE_ROW = /^[0-9a-f]+:I(\[.*\])$/;

/** Whether the script is Next.js's runtime (a chunk, its bootstrap or the RSC payload), and the payload text it carries. */
function nextRuntimePart(script: ScriptElement, html: string): { payload: string } | null {
  const src = script.attributes.get("src");
  if (src !== undefined) return src.startsWith("/_next/") ? { payload: "" } : null;
  const text = html.slice(script.textStart, script.textEnd);
  if (TURBOPACK_BOOTSTRAP.test(text)) return { payload: "" };
  const push = RSC_PUSH.exec(text);
  if (!push?.[1]) return null;
  // [0] opens the stream, [1, "rows"] carries them; [2, ...] and [3, ...] carry binary and form state.
  const chunk: unknown = JSON.parse(Buffer.from(push[1], "latin1").toString("utf8"));
  return { payload: Array.isArray(chunk) && chunk[0] === 1 && typeof chunk[1] === "string" ? chunk[1] : "" };
}

/** The module ids of the client components the RSC payload refers to. */
function clientModuleIds(payload: string): string[] {
  const ids: string[] = [];
  for (const line of payload.split("\n")) {
    const row = MODULE_ROW.exec(line);
    if (!row?.[1]) continue;
    const reference: unknown = JSON.parse(row[1]);
    if (Array.isArray(reference)) ids.push(String(reference[0]));
  }
  return ids;
}

/** `body` without Next's runtime and with the reader bundle, when every client component on it allows that. */
export function withoutNextRuntime(body: Buffer, options: StripOptions): StrippedPage {
  const html = body.toString("latin1");
  const removed: ScriptElement[] = [];
  let payload = "";
  try {
    for (const script of scriptElementsIn(html)) {
      const part = nextRuntimePart(script, html);
      if (!part) continue;
      removed.push(script);
      payload += part.payload;
    }
  } catch {
    return { stripped: false, reason: "its RSC payload could not be read" };
  }
  if (payload === "") return { stripped: false, reason: "it has no RSC payload" };
  let moduleIds: string[];
  try {
    moduleIds = clientModuleIds(payload);
  } catch {
    return { stripped: false, reason: "a client component reference could not be read" };
  }
  for (const id of new Set(moduleIds)) {
    const verdict = options.clientModuleVerdict(id);
    if (verdict !== true) return { stripped: false, reason: `it renders the client component ${verdict}, which is not an island` };
  }
  let kept = "";
  let from = 0;
  for (const script of removed) {
    kept += html.slice(from, script.start);
    from = script.end;
  }
  kept += html.slice(from);
  const bodyEnd = kept.lastIndexOf("</body>");
  if (bodyEnd === -1) return { stripped: false, reason: "it has no </body>" };
  // At the end of the body, as a module (deferred): the page is parsed and painted first. Low
  // priority: Chromium fetches a module script at high priority by default, ahead of the story's
  // photo (docs/operations.md has the rounds measured either way).
  const moduleScript = `<script type="module" fetchpriority="low" src="${options.bundleUrl}"></script>`;
  kept = `${kept.slice(0, bodyEnd)}${moduleScript}${kept.slice(bodyEnd)}`;
  return { stripped: true, body: Buffer.from(kept.replace(SCRIPT_PRELOAD, ""), "latin1") };
}
