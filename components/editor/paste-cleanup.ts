// The editor's paste handling: HTML from Word, Hancom, Google Docs and web pages is cleaned
// (components/editor/paste-cleaning.ts) before the body schema parses it.
import { Extension } from "@tiptap/core";
import { Plugin, PluginKey } from "@tiptap/pm/state";
import { cleanPastedHtml } from "@/components/editor/paste-cleaning";

export const PasteCleanup = Extension.create({
  name: "pasteCleanup",
  addProseMirrorPlugins() {
    return [new Plugin({ key: new PluginKey("pasteCleanup"), props: { transformPastedHTML: (html) => cleanPastedHtml(html) } })];
  },
});
