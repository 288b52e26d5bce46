// Cleans HTML pasted into the story editor from Word, Hancom (한글), Google Docs and web pages:
// keeps paragraphs, headings, bold/italic (also when they were only inline styles), lists
// (also Word's and Hancom's fake ones made of indented paragraphs) and safe links; drops fonts,
// colours, classes, styles, scripts, comments and foreign images. The editor's schema then parses
// what is left (components/editor/paste-cleanup.ts). Browser code: DOM APIs only.
import { isSafeLinkHref } from "@/lib/articles/body/link-href";

/** Elements dropped with everything inside them. */
const DROP = new Set(["script", "style", "noscript", "template", "meta", "link", "title", "head", "iframe", "object", "embed", "frame", "frameset", "svg", "math", "canvas", "video", "audio", "img", "picture", "source", "map", "form", "input", "button", "select", "textarea", "nav", "aside", "ins"]);
/** Elements kept as they are (without attributes, apart from a few below). */
const KEEP = new Set(["p", "h2", "h3", "strong", "em", "u", "s", "a", "ul", "ol", "li", "blockquote", "br", "hr", "div", "figure"]);
const RENAME: Record<string, string> = { b: "strong", i: "em", strike: "s", del: "s", h1: "h2", h4: "h3", h5: "h3", h6: "h3", dl: "div", dt: "p", dd: "p", pre: "p", address: "p", center: "div", td: "p", th: "p", caption: "p" };
/** Attributes that survive, per tag. data-pm-slice keeps copy and paste inside the editor exact. */
const KEEP_ATTRIBUTES: Record<string, string[]> = {
  a: ["href"],
  ol: ["start", "type"],
  figure: ["data-media-id", "data-alt", "data-caption", "data-credit", "data-video-id"],
};

/** Parses an inline style by hand: Hancom writes values in quotes (font-weight:"bold"), which CSSOM drops. */
export function readInlineStyle(style: string | null): Map<string, string> {
  const out = new Map<string, string>();
  for (const declaration of (style ?? "").split(";")) {
    const colon = declaration.indexOf(":");
    if (colon < 0) continue;
    const key = declaration.slice(0, colon).trim().toLowerCase();
    const value = declaration
      .slice(colon + 1)
      .replace(/!important/i, "")
      .trim()
      .replace(/^["']|["']$/g, "")
      .toLowerCase();
    if (key) out.set(key, value);
  }
  return out;
}

const isBoldWeight = (value: string | undefined) => value !== undefined && /^(bold|bolder|[6-9]00)$/.test(value);
const isNormalWeight = (value: string | undefined) => value !== undefined && /^(normal|lighter|[1-5]00)$/.test(value);

function unwrap(element: Element): void {
  const parent = element.parentNode;
  if (!parent) return;
  while (element.firstChild) parent.insertBefore(element.firstChild, element);
  parent.removeChild(element);
}

function renameElement(element: Element, tag: string): Element {
  const replacement = element.ownerDocument.createElement(tag);
  for (const attribute of Array.from(element.attributes)) replacement.setAttribute(attribute.name, attribute.value);
  while (element.firstChild) replacement.appendChild(element.firstChild);
  element.replaceWith(replacement);
  return replacement;
}

/** Wraps the element's children in `tag` (a style-only bold span becomes <strong>). */
function wrapChildren(element: Element, tag: string): void {
  const wrapper = element.ownerDocument.createElement(tag);
  while (element.firstChild) wrapper.appendChild(element.firstChild);
  element.appendChild(wrapper);
}

function removeComments(root: Node): void {
  const walker = root.ownerDocument!.createTreeWalker(root, 128 /* NodeFilter.SHOW_COMMENT */);
  const comments: Node[] = [];
  while (walker.nextNode()) comments.push(walker.currentNode);
  for (const comment of comments) comment.parentNode?.removeChild(comment);
}

// ---------------------------------------------------------------- Word's and Hancom's fake lists

interface FakeListItem {
  paragraph: Element;
  level: number;
  ordered: boolean;
}

const ORDERED_MARKER = /^\s*(\(?[0-9]{1,3}[.)]|\(?[a-zA-Z][.)]|\(?[ivxIVX]{1,5}[.)]|[가-하][.)])\s*/;
const BULLET_MARKER = /^\s*[•◦○●■□◆◇▪▫·∙‣⁃※▶▷►\-–—*]\s+/;

/** Word marks list paragraphs with mso-list and hides the typed bullet in an mso-list:Ignore span. */
function wordListItem(paragraph: Element): FakeListItem | null {
  const list = readInlineStyle(paragraph.getAttribute("style")).get("mso-list");
  const level = list ? /level(\d+)/.exec(list)?.[1] : undefined;
  if (!level) return null;
  let marker = "";
  for (const ignored of Array.from(paragraph.querySelectorAll("[style]"))) {
    if (/mso-list:\s*ignore/i.test(ignored.getAttribute("style") ?? "")) {
      marker += ignored.textContent ?? "";
      ignored.remove();
    }
  }
  return { paragraph, level: Math.min(Number(level), 6), ordered: ORDERED_MARKER.test(marker) };
}

/** Hancom writes numbered and bulleted paragraphs as plain paragraphs starting with the marker. */
function hancomListItem(paragraph: Element): FakeListItem | null {
  const text = paragraph.textContent ?? "";
  const ordered = ORDERED_MARKER.test(text);
  if (!ordered && !BULLET_MARKER.test(text)) return null;
  stripLeadingText(paragraph, (ordered ? ORDERED_MARKER : BULLET_MARKER).exec(text)?.[0].length ?? 0);
  const indent = Number.parseFloat(readInlineStyle(paragraph.getAttribute("style")).get("margin-left") ?? "0");
  return { paragraph, level: indent >= 40 ? 2 : 1, ordered };
}

function stripLeadingText(element: Element, count: number): void {
  let remaining = count;
  const walker = element.ownerDocument.createTreeWalker(element, 4 /* NodeFilter.SHOW_TEXT */);
  while (remaining > 0 && walker.nextNode()) {
    const node = walker.currentNode;
    const text = node.nodeValue ?? "";
    const cut = Math.min(remaining, text.length);
    node.nodeValue = text.slice(cut);
    remaining -= cut;
  }
}

/** Replaces runs of consecutive fake-list paragraphs with real (nested) lists. */
function buildLists(root: Element, itemOf: (paragraph: Element) => FakeListItem | null, minimumRun: number): void {
  for (const container of [root, ...Array.from(root.querySelectorAll("div, td, blockquote, li"))]) {
    let run: FakeListItem[] = [];
    const flush = () => {
      if (run.length >= minimumRun) replaceRunWithList(run);
      run = [];
    };
    for (const child of Array.from(container.children)) {
      const item = child.tagName.toLowerCase() === "p" ? itemOf(child) : null;
      if (item) run.push(item);
      else flush();
    }
    flush();
  }
}

function replaceRunWithList(run: FakeListItem[]): void {
  const document = run[0]!.paragraph.ownerDocument;
  const anchor = run[0]!.paragraph;
  const stack: { list: Element; level: number }[] = [];
  const tops: Element[] = [];
  for (const { paragraph, level, ordered } of run) {
    const tag = ordered ? "ol" : "ul";
    while (stack.length > 0 && stack.at(-1)!.level > level) stack.pop();
    // The same level with the other kind of marker starts a new list beside the old one.
    if (stack.length > 0 && stack.at(-1)!.level === level && stack.at(-1)!.list.tagName.toLowerCase() !== tag) stack.pop();
    if (stack.length === 0 || stack.at(-1)!.level < level) {
      const list = document.createElement(tag);
      const parentItem = stack.at(-1)?.list.lastElementChild;
      if (parentItem) parentItem.appendChild(list);
      else tops.push(list);
      stack.push({ list, level });
    }
    const item = document.createElement("li");
    const content = document.createElement("p");
    while (paragraph.firstChild) content.appendChild(paragraph.firstChild);
    item.appendChild(content);
    stack.at(-1)!.list.appendChild(item);
  }
  anchor.before(...tops);
  for (const { paragraph } of run) paragraph.remove();
}

// ---------------------------------------------------------------- the walk

function cleanElement(element: Element): void {
  // Children first, so that renaming or unwrapping this element moves already-clean content.
  for (const child of Array.from(element.children)) cleanElement(child);
  const tag = element.tagName.toLowerCase();
  // Office's namespaced tags (<o:p>, <v:shape>, <w:sdt>): <o:p> holds a &nbsp; spacer, the
  // others drawing or field data.
  if (tag.includes(":")) {
    element.remove();
    return;
  }
  if (DROP.has(tag)) {
    element.remove();
    return;
  }
  if (tag === "figure" && !element.hasAttribute("data-media-id") && !element.hasAttribute("data-video-id")) {
    // A web page's photo: its image is not ours, its caption is not the reporter's text.
    element.remove();
    return;
  }
  const style = readInlineStyle(element.getAttribute("style"));
  let current = element;
  // Google Docs wraps the whole clipboard in <b style="font-weight:normal" id="docs-internal-guid-...">.
  if ((tag === "b" || tag === "strong") && isNormalWeight(style.get("font-weight"))) {
    unwrap(element);
    return;
  }
  if ((tag === "i" || tag === "em") && style.get("font-style") === "normal") {
    unwrap(element);
    return;
  }
  const renamed = RENAME[tag];
  if (renamed) current = renameElement(element, renamed);
  const finalTag = renamed ?? tag;
  if (finalTag === "a") {
    const href = current.getAttribute("href")?.trim() ?? "";
    if (!isSafeLinkHref(href)) {
      unwrap(current);
      return;
    }
    current.setAttribute("href", href);
  }
  // Formatting that was only a style (Google Docs, Hancom, web pages) becomes the element.
  if (finalTag !== "strong" && !/^h[23]$/.test(finalTag) && isBoldWeight(style.get("font-weight"))) wrapChildren(current, "strong");
  if (finalTag !== "em" && style.get("font-style") === "italic") wrapChildren(current, "em");
  const allowed = KEEP_ATTRIBUTES[finalTag] ?? [];
  for (const attribute of Array.from(current.attributes)) {
    if (attribute.name !== "data-pm-slice" && !allowed.includes(attribute.name)) current.removeAttribute(attribute.name);
  }
  if (!KEEP.has(finalTag)) unwrap(current);
}

const BLOCK_TAGS = new Set(["p", "h2", "h3", "ul", "ol", "li", "blockquote", "div", "hr", "figure"]);

/**
 * Line breaks standing between blocks (Google Docs puts a <br> between a paragraph and a list)
 * would each become an empty paragraph; a <br> inside a line of text stays.
 */
function removeBreaksBetweenBlocks(root: Element): void {
  const isBlockOrEdge = (node: Element | null) => node === null || BLOCK_TAGS.has(node.tagName.toLowerCase());
  for (const br of Array.from(root.querySelectorAll("br"))) {
    const parent = br.parentElement;
    if (!parent || !(parent === root || ["div", "li", "blockquote"].includes(parent.tagName.toLowerCase()))) continue;
    const textAround = [br.previousSibling, br.nextSibling].some((node) => node?.nodeType === 3 && (node.nodeValue ?? "").trim() !== "");
    if (!textAround && isBlockOrEdge(br.previousElementSibling) && isBlockOrEdge(br.nextElementSibling)) br.remove();
  }
}

/** Paragraphs left empty once the spacers are gone (Word's <o:p>&nbsp;</o:p>, Hancom's &nbsp;). */
function removeEmptyParagraphs(root: Element): void {
  for (const paragraph of Array.from(root.querySelectorAll("p, h2, h3"))) {
    if ((paragraph.textContent ?? "").replace(/[\s\u00a0\u200b]/g, "") === "" && !paragraph.querySelector("br, hr, figure")) paragraph.remove();
  }
}

function sourceOf(document: Document, html: string): "word" | "hancom" | "other" {
  const generator = document.querySelector('meta[name="Generator" i], meta[name="generator"]')?.getAttribute("content") ?? "";
  if (/microsoft word/i.test(generator) || /urn:schemas-microsoft-com:office:word|class="?Mso/i.test(html)) return "word";
  if (/hancom|hwp/i.test(generator) || /class="?HStyle\d/i.test(html)) return "hancom";
  return "other";
}

/** The pasted HTML with only what a story keeps; `parse` is the browser's DOMParser by default. */
export function cleanPastedHtml(html: string, parse: (html: string) => Document = (source) => new DOMParser().parseFromString(source, "text/html")): string {
  const document = parse(html);
  const body = document.body;
  if (!body) return "";
  removeComments(body);
  const source = sourceOf(document, html);
  if (source === "word") buildLists(body, wordListItem, 1);
  // Two marked paragraphs in a row before Hancom text is taken for a list: one "- " line is prose.
  if (source === "hancom") buildLists(body, hancomListItem, 2);
  for (const child of Array.from(body.children)) cleanElement(child);
  removeBreaksBetweenBlocks(body);
  removeEmptyParagraphs(body);
  return body.innerHTML.trim();
}
