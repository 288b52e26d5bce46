// The editor's extension list: the shared body schema (lib/articles/body/body-extensions.ts) with the
// node views for figures and videos, plus what only the writing experience needs: paste cleaning,
// an empty-story placeholder, Ctrl+K for links, image files dropped or pasted in, and the guard
// that keeps an IME composition alive at the start of an empty block.
import { Extension } from "@tiptap/core";
import { Plugin, PluginKey } from "@tiptap/pm/state";
import { Decoration, DecorationSet } from "@tiptap/pm/view";
import { ReactNodeViewRenderer } from "@tiptap/react";
import { CompositionGuard } from "@/components/editor/composition-guard";
import { FigureView } from "@/components/editor/figure-view";
import { PasteCleanup } from "@/components/editor/paste-cleanup";
import { VideoView } from "@/components/editor/video-view";
import { createArticleBodyExtensions } from "@/lib/articles/body/body-extensions";

// Tiptap's Placeholder walks the whole document on every keystroke; a story is empty only when
// its one paragraph is, which is checked in constant time.
const EmptyPlaceholder = Extension.create<{ text: string }>({
  name: "emptyPlaceholder",
  addOptions: () => ({ text: "" }),
  addProseMirrorPlugins() {
    const text = this.options.text;
    return [
      new Plugin({
        key: new PluginKey("emptyPlaceholder"),
        props: {
          decorations: ({ doc }) => {
            const first = doc.firstChild;
            if (doc.childCount !== 1 || !first || !first.isTextblock || first.content.size > 0) return null;
            return DecorationSet.create(doc, [Decoration.node(0, first.nodeSize, { class: "is-empty", "data-placeholder": text })]);
          },
        },
      }),
    ];
  },
});

export interface EditorHooks {
  openLinkDialog: () => void;
  /** Image files dropped or pasted into the body, with the position to put them at. */
  insertImageFiles: (files: File[], position: number | null) => void;
}

const imageFilesOf = (list: FileList | null | undefined) => Array.from(list ?? []).filter((file) => file.type.startsWith("image/"));

export function createEditorExtensions(hooks: EditorHooks) {
  const WritingShortcuts = Extension.create({
    name: "writingShortcuts",
    addKeyboardShortcuts: () => ({
      "Mod-k": () => {
        hooks.openLinkDialog();
        return true;
      },
    }),
    addProseMirrorPlugins: () => [
      new Plugin({
        key: new PluginKey("imageFiles"),
        props: {
          handleDrop: (view, event) => {
            const files = imageFilesOf(event.dataTransfer?.files);
            if (files.length === 0) return false;
            event.preventDefault();
            hooks.insertImageFiles(files, view.posAtCoords({ left: event.clientX, top: event.clientY })?.pos ?? null);
            return true;
          },
          handlePaste: (_view, event) => {
            const files = imageFilesOf(event.clipboardData?.files);
            if (files.length === 0) return false;
            hooks.insertImageFiles(files, null);
            return true;
          },
        },
      }),
    ],
  });
  return [
    ...createArticleBodyExtensions({ nodeViews: { figure: ReactNodeViewRenderer(FigureView), youtube: ReactNodeViewRenderer(VideoView) } }),
    PasteCleanup,
    EmptyPlaceholder.configure({ text: "본문을 쓰세요. 사진은 끌어다 놓거나 붙여 넣을 수 있습니다." }),
    WritingShortcuts,
    CompositionGuard,
  ];
}
