// Tiptap JSON to HTML on the server, with the same output as @tiptap/html's generateHTML (checked
// by tests/unit/body-html.test.ts). generateHTML builds the schema and a whole happy-dom window on
// every call and then lets ProseMirror's serializer build a full DOM: for a 100 KB story that is
// most of a save's time (bench/EDITOR.md). Here the schema is built once, and the serializer
// writes into a minimal element tree that knows only what it calls (createElement, createTextNode,
// setAttribute, appendChild) and prints itself as HTML. The result is sanitized afterwards
// (lib/articles/body/render-body.ts).
import { getSchema, type Extensions, type JSONContent } from "@tiptap/core";
import { DOMSerializer, Node } from "@tiptap/pm/model";

// Elements that have no end tag in HTML.
const VOID_ELEMENTS = new Set(["area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "source", "track", "wbr"]);

// The HTML serialization algorithm's escaping (what a browser's innerHTML produces).
const escapeText = (text: string) => text.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;").replace(/\u00a0/g, "&nbsp;");
const escapeAttribute = (value: string) => value.replace(/&/g, "&amp;").replace(/"/g, "&quot;").replace(/\u00a0/g, "&nbsp;");

class TextNode {
  readonly nodeType = 3;
  constructor(readonly text: string) {}
  toHtml(): string {
    return escapeText(this.text);
  }
}

class ElementNode {
  readonly nodeType = 1;
  readonly tagName: string;
  private readonly attributes: [string, string][] = [];
  private readonly children: (ElementNode | TextNode)[] = [];
  constructor(tagName: string) {
    this.tagName = tagName.toLowerCase();
  }
  setAttribute(name: string, value: unknown): void {
    const existing = this.attributes.find(([key]) => key === name);
    if (existing) existing[1] = String(value);
    else this.attributes.push([name, String(value)]);
  }
  setAttributeNS(_namespace: string, name: string, value: unknown): void {
    this.setAttribute(name, value);
  }
  appendChild<C extends ElementNode | TextNode>(child: C): C {
    this.children.push(child);
    return child;
  }
  innerHtml(): string {
    return this.children.map((child) => child.toHtml()).join("");
  }
  toHtml(): string {
    const attributes = this.attributes.map(([name, value]) => ` ${name}="${escapeAttribute(value)}"`).join("");
    return VOID_ELEMENTS.has(this.tagName) ? `<${this.tagName}${attributes}>` : `<${this.tagName}${attributes}>${this.innerHtml()}</${this.tagName}>`;
  }
}

const minimalDocument = {
  createElement: (tagName: string) => new ElementNode(tagName),
  createElementNS: (_namespace: string, tagName: string) => new ElementNode(tagName),
  createTextNode: (text: string) => new TextNode(text),
  createDocumentFragment: () => new ElementNode("#fragment"),
};

export function createBodyHtmlRenderer(extensions: Extensions): (doc: JSONContent) => string {
  let cached: { schema: ReturnType<typeof getSchema>; serializer: DOMSerializer } | undefined;
  return (doc) => {
    if (!cached) {
      const schema = getSchema(extensions);
      cached = { schema, serializer: DOMSerializer.fromSchema(schema) };
    }
    const wrap = new ElementNode("div");
    // The serializer is typed for lib.dom's Document and HTMLElement; it calls only the methods
    // the minimal tree implements.
    cached.serializer.serializeFragment(Node.fromJSON(cached.schema, doc).content, { document: minimalDocument as unknown as Document }, wrap as unknown as HTMLElement);
    return wrap.innerHtml();
  };
}
