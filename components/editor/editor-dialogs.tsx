"use client";
// The editor's dialogs (a link, a body photo, a YouTube video) and the history panel's toggle.
// Ctrl+K and images dropped into the body reach React through the bridge's hooks.
import type { Editor } from "@tiptap/core";
import { useEffect, useState } from "react";
import type { EditorBridge } from "@/components/editor/editor-bridge";
import { focusEditorNow } from "@/components/editor/editor-focus";
import { LinkDialog } from "@/components/editor/link-dialog";
import { MediaPicker } from "@/components/editor/media-picker";
import { VideoDialog } from "@/components/editor/video-dialog";

export type EditorDialog = "link" | "image" | "video" | null;

export function useEditorDialogs(bridge: EditorBridge, insertImageFiles: (files: File[], position: number | null) => void) {
  const [dialog, setDialog] = useState<EditorDialog>(null);
  const [showHistory, setShowHistory] = useState(false);
  useEffect(() => {
    bridge.setHooks({ openLinkDialog: () => setDialog("link"), insertImageFiles });
  }, [bridge, insertImageFiles]);
  return { dialog, openDialog: setDialog, closeDialog: () => setDialog(null), showHistory, toggleHistory: () => setShowHistory((open) => !open) };
}

/** The open dialog, if any. */
export function EditorDialogs({ dialog, editor, onClose }: { dialog: EditorDialog; editor: Editor; onClose: () => void }) {
  if (dialog === "link") return <LinkDialog editor={editor} onClose={onClose} />;
  if (dialog === "video") return <VideoDialog editor={editor} onClose={onClose} />;
  if (dialog === "image")
    return (
      <MediaPicker
        title="본문에 사진 넣기"
        onClose={onClose}
        afterClose={() => focusEditorNow(editor)}
        onPick={(media) => {
          onClose();
          editor.chain().focus().insertFigure({ mediaId: media.id, alt: media.alt, caption: media.caption, credit: media.credit }).run();
        }}
      />
    );
  return null;
}
