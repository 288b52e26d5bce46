"use client";
// Images dropped or pasted into the body: each uploaded to the library with its progress in the
// tray, then put where it landed (or at the cursor), captioned from the library's texts.
import type { Editor } from "@tiptap/core";
import { useCallback, useRef, useState } from "react";
import { rememberMedia } from "@/components/editor/media-cache";
import type { UploadItem } from "@/components/editor/media-picker";
import { uploadImage } from "@/components/editor/upload";

export function useImageUploads(editor: Editor | null) {
  const [uploads, setUploads] = useState<UploadItem[]>([]);
  const nextKey = useRef(0);

  const insertImageFiles = useCallback(
    (files: File[], position: number | null) => {
      for (const file of files) {
        const key = ++nextKey.current;
        const update = (change: Partial<UploadItem>) => setUploads((list) => list.map((item) => (item.key === key ? { ...item, ...change } : item)));
        setUploads((list) => [...list, { key, name: file.name || "붙여 넣은 사진", progress: 0, error: null }]);
        uploadImage(file, (progress) => update({ progress }))
          .promise.then((media) => {
            rememberMedia(media);
            setUploads((list) => list.filter((item) => item.key !== key));
            if (!editor) return;
            const attrs = { mediaId: media.id, alt: media.alt, caption: media.caption, credit: media.credit };
            const at = position === null ? null : Math.min(position, editor.state.doc.content.size);
            if (at === null) editor.chain().focus().insertFigure(attrs).run();
            else editor.chain().insertContentAt(at, { type: "figure", attrs }).run();
          })
          .catch((error: Error) => update({ error: error.message }));
      }
    },
    [editor],
  );

  const dismissUpload = useCallback((key: number) => setUploads((list) => list.filter((item) => item.key !== key)), []);

  return { uploads, insertImageFiles, dismissUpload };
}
