"use client";
// Adding a YouTube video: the address is reduced to the video id here; the server renders the
// privacy-enhanced embed from the id (never an iframe from the client).
import type { Editor } from "@tiptap/core";
import { useState } from "react";
import { focusEditorNow } from "@/components/editor/editor-focus";
import { Modal } from "@/components/editor/modal";
import { youtubeVideoIdFrom } from "@/lib/articles/body/video-url";

export function VideoDialog({ editor, onClose }: { editor: Editor; onClose: () => void }) {
  const [value, setValue] = useState("");
  const [error, setError] = useState<string | null>(null);
  return (
    <Modal title="YouTube 동영상 넣기" onClose={onClose} afterClose={() => focusEditorNow(editor)}>
      <form
        className="form"
        onSubmit={(event) => {
          event.preventDefault();
          const videoId = youtubeVideoIdFrom(value);
          if (!videoId) {
            setError("YouTube 동영상 주소(youtube.com/watch?v=… 또는 youtu.be/…)를 넣으세요.");
            return;
          }
          editor.chain().focus().insertYoutubeVideo(videoId).run();
          onClose();
        }}
      >
        <label>
          동영상 주소
          <input autoFocus name="video" value={value} onChange={(event) => { setValue(event.target.value); setError(null); }} placeholder="https://www.youtube.com/watch?v=..." inputMode="url" />
        </label>
        {error && (
          <p className="form__error" role="alert">
            {error}
          </p>
        )}
        <button type="submit" className="button">
          넣기
        </button>
      </form>
    </Modal>
  );
}
