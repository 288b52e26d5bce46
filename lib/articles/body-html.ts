// Tiptap JSON to HTML on the server, with the output of @tiptap/html's generateHTML. That
// function builds the schema and a whole happy-dom window on every call, which was about half of
// a 100 KB story's save time (bench/EDITOR.md); here both are made once per process and reused.
import { getSchema, type Extensions, type JSONContent } from "@tiptap/core";
import { DOMSerializer, Node } from "@tiptap/pm/model";
import { Window } from "happy-dom";

export function createBodyHtmlRenderer(extensions: Extensions): (doc: JSONContent) => string {
  let cached: { schema: ReturnType<typeof getSchema>; serializer: DOMSerializer; document: Window["document"] } | undefined;
  return (doc) => {
    if (!cached) {
      const schema = getSchema(extensions);
      // The same inert settings generateHTML uses: no scripts, no loading, no layout.
      const window = new Window({
        settings: {
          disableJavaScriptEvaluation: true,
          disableJavaScriptFileLoading: true,
          disableCSSFileLoading: true,
          disableIframePageLoading: true,
          disableComputedStyleRendering: true,
        },
      });
      cached = { schema, serializer: DOMSerializer.fromSchema(schema), document: window.document };
    }
    const wrap = cached.document.createElement("div");
    // happy-dom's Document implements what the serializer calls (createElement, createTextNode ...)
    // but is a different TypeScript type from lib.dom's; generateHTML passes it the same way.
    cached.serializer.serializeFragment(Node.fromJSON(cached.schema, doc).content, { document: cached.document as unknown as Document }, wrap as unknown as HTMLElement);
    return wrap.innerHTML;
  };
}
