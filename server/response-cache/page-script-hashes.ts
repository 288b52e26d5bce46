// Turns a page rendered with a nonce into one every reader can be sent as the same bytes: the
// inline scripts that carry the render's nonce (the ones Next.js and React wrote, and our own
// nonced <script>s) are hashed for the page's Content-Security-Policy, and the nonce is taken out.
// Only scripts marked with the nonce are hashed: a script that reached the page any other way
// (an injection through stored content) has no nonce, gets no hash, and stays blocked, as it was
// under the nonce.
//
// The page is read as the browser's HTML tokenizer reads <script> elements: the text from the end
// of the start tag to the first `</script` followed by whitespace, `/` or `>` (case-insensitive).
// A script whose text holds `<!--` could be read differently by the browser (the "escaped" script
// states), so it is not hashed: it would be blocked, never wrongly allowed. React and Next.js
// escape `<` in what they put into scripts, so their scripts never hold one.
import { createHash } from "node:crypto";

export interface PageWithScriptHashes {
  /** The body with the render's nonce taken out: its `nonce="…"` attributes, and the value wherever else it was. */
  body: Buffer;
  /** SHA-256 (base64) of each distinct nonced inline script's text as it is in `body`, in order of appearance. */
  scriptHashes: string[];
}

const SCRIPT_START = /<script(?=[\s/>])/gi;
const SCRIPT_END = /<\/script[\s/>]/gi;
const ATTRIBUTE = /\s*([^\s=>/"'][^\s=>/]*)(?:\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s>]+)))?|\s*\//y;
const WHITESPACE = /\s*/y;
// MIME types a browser runs as classic scripts, plus modules; anything else (application/ld+json)
// is a data block the policy does not govern.
const SCRIPT_TYPES = new Set(["", "module", "text/javascript", "application/javascript", "text/ecmascript", "application/ecmascript", "application/x-javascript", "text/jscript"]);

/** Reads the attributes of the start tag whose `<script` ends at `from`; null when it does not close. */
function readStartTag(html: string, from: number): { end: number; attributes: Map<string, string> } | null {
  const attributes = new Map<string, string>();
  let at = from;
  for (;;) {
    WHITESPACE.lastIndex = at;
    WHITESPACE.exec(html);
    if (html[WHITESPACE.lastIndex] === ">") return { end: WHITESPACE.lastIndex + 1, attributes };
    ATTRIBUTE.lastIndex = at;
    const match = ATTRIBUTE.exec(html);
    if (!match || ATTRIBUTE.lastIndex === at) return null;
    const name = match[1]?.toLowerCase();
    // The first of a repeated attribute counts, as in the browser.
    if (name && !attributes.has(name)) attributes.set(name, match[2] ?? match[3] ?? match[4] ?? "");
    at = ATTRIBUTE.lastIndex;
  }
}

function isClassicOrModuleScript(attributes: Map<string, string>): boolean {
  const type = (attributes.get("type") ?? "").split(";")[0]?.trim().toLowerCase() ?? "";
  return SCRIPT_TYPES.has(type);
}

/**
 * The script text as the browser hashes it: its tokenizer turns CR LF and lone CR into LF, and
 * NUL into U+FFFD, before anything else.
 */
function scriptSourceBytes(raw: Buffer): Buffer {
  if (!raw.includes(0x0d) && !raw.includes(0x00)) return raw;
  return Buffer.from(raw.toString("utf8").replace(/\r\n?/g, "\n").replaceAll("\0", "\uFFFD"), "utf8");
}

/** `bytes` without any occurrence of `needle`. */
function withoutAll(bytes: Buffer, needle: Buffer): Buffer {
  let at = bytes.indexOf(needle);
  if (at === -1) return bytes;
  const parts: Buffer[] = [];
  let from = 0;
  for (; at !== -1; at = bytes.indexOf(needle, from)) {
    parts.push(bytes.subarray(from, at));
    from = at + needle.length;
  }
  parts.push(bytes.subarray(from));
  return Buffer.concat(parts);
}

/** Takes the render's `nonce` out of `bytes`: the attributes first, then the value wherever it is left (the RSC payload's props). */
function withoutNonce(bytes: Buffer, nonce: string): Buffer {
  return withoutAll(withoutAll(bytes, Buffer.from(` nonce="${nonce}"`)), Buffer.from(nonce));
}

/** One <script> element of a page, by positions in its latin1 text (which are byte positions). */
export interface ScriptElement {
  /** Where `<script` starts. */
  start: number;
  /** Where its text starts (after the start tag) and ends (at `</script`). */
  textStart: number;
  textEnd: number;
  /** Just past the end tag (or the end of the page when it has none). */
  end: number;
  attributes: Map<string, string>;
}

/** The <script> elements of `html` (a page read as latin1), as the browser's tokenizer finds them. */
export function* scriptElementsIn(html: string): Generator<ScriptElement> {
  const start = new RegExp(SCRIPT_START.source, SCRIPT_START.flags);
  const end = new RegExp(SCRIPT_END.source, SCRIPT_END.flags);
  for (let found = start.exec(html); found; found = start.exec(html)) {
    const tag = readStartTag(html, found.index + "<script".length);
    if (!tag) return;
    end.lastIndex = tag.end;
    const textEnd = end.exec(html)?.index ?? html.length;
    const close = html.indexOf(">", textEnd);
    yield { start: found.index, textStart: tag.end, textEnd, end: textEnd === html.length || close === -1 ? html.length : close + 1, attributes: tag.attributes };
    start.lastIndex = textEnd;
  }
}

/** Hashes the inline scripts of `body` that carry `nonce`, and takes the nonce out of the page. */
export function hashNoncedScripts(body: Buffer, nonce: string): PageWithScriptHashes {
  // latin1: one character per byte, so string positions are byte positions in `body`.
  const html = body.toString("latin1");
  const hashes = new Set<string>();
  for (const script of scriptElementsIn(html)) {
    const text = body.subarray(script.textStart, script.textEnd);
    if (script.attributes.get("nonce") === nonce && !script.attributes.has("src") && isClassicOrModuleScript(script.attributes) && !text.includes("<!--")) {
      // Hashed as it will be sent. The nonce comes out of the text here as out of the whole body
      // below, with the same bytes: neither the nonce nor its attribute can straddle the text's
      // edges (it starts right after a `>` and ends at `</script`).
      hashes.add(createHash("sha256").update(scriptSourceBytes(withoutNonce(text, nonce))).digest("base64"));
    }
  }
  return { body: withoutNonce(body, nonce), scriptHashes: [...hashes] };
}

/** A replayed header (Next.js's `Link` preloads name the nonce) without the render's nonce. */
export function headerWithoutNonce(value: string, nonce: string): string {
  return value.replaceAll(`; nonce="${nonce}"`, "").replaceAll(nonce, "");
}
