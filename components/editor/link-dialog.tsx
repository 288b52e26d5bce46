"use client";
// Adding or changing a link: the address is checked with the same rule as the server's body
// schema (http, https, mailto only), so a bad link is refused here with a message, not at save.
import type { Editor } from "@tiptap/core";
import { useState } from "react";
import { focusEditorNow } from "@/components/editor/editor-focus";
import { Modal } from "@/components/editor/modal";
import { normalizeLinkInput } from "@/lib/articles/body/link-href";

export function LinkDialog({ editor, onClose }: { editor: Editor; onClose: () => void }) {
  const current = editor.getAttributes("link").href as string | undefined;
  const [value, setValue] = useState(current ?? "");
  const [error, setError] = useState<string | null>(null);
  const apply = () => {
    const href = normalizeLinkInput(value);
    if (!href) {
      setError("http, https 주소나 전자우편 주소만 링크로 걸 수 있습니다.");
      return;
    }
    const chain = editor.chain().focus().extendMarkRange("link");
    if (editor.state.selection.empty && !current) chain.insertContent({ type: "text", text: value.trim(), marks: [{ type: "link", attrs: { href } }] }).run();
    else chain.setLink({ href }).run();
    onClose();
  };
  return (
    <Modal title="링크" onClose={onClose} afterClose={() => focusEditorNow(editor)}>
      <form
        className="form"
        onSubmit={(event) => {
          event.preventDefault();
          apply();
        }}
      >
        <label>
          주소
          <input autoFocus name="href" value={value} onChange={(event) => { setValue(event.target.value); setError(null); }} placeholder="https://" inputMode="url" aria-invalid={error ? true : undefined} />
        </label>
        {error && (
          <p className="form__error" role="alert">
            {error}
          </p>
        )}
        <div className="actions-row">
          <button type="submit" className="button">
            링크 걸기
          </button>
          {current && (
            <button type="button" className="button button--secondary" onClick={() => { editor.chain().focus().extendMarkRange("link").unsetLink().run(); onClose(); }}>
              링크 빼기
            </button>
          )}
        </div>
      </form>
    </Modal>
  );
}
