"use client";
// A small dialog on the native <dialog> element (focus trapping and Esc come with it).
import { useEffect, useRef, type ReactNode } from "react";

export function Modal({
  title,
  onClose,
  children,
  wide = false,
  afterClose,
}: {
  title: string;
  onClose: () => void;
  children: ReactNode;
  wide?: boolean;
  /** Runs once the dialog has closed (the page behind it is no longer inert), e.g. to put the caret back. */
  afterClose?: () => void;
}) {
  const ref = useRef<HTMLDialogElement>(null);
  const afterCloseRef = useRef(afterClose);
  useEffect(() => {
    afterCloseRef.current = afterClose;
  });
  useEffect(() => {
    const dialog = ref.current;
    if (dialog && !dialog.open) dialog.showModal();
    return () => {
      dialog?.close();
      afterCloseRef.current?.();
    };
  }, []);
  return (
    <dialog ref={ref} className={`editor-modal${wide ? " editor-modal--wide" : ""}`} onCancel={(event) => { event.preventDefault(); onClose(); }} aria-label={title}>
      <div className="editor-modal__head">
        <h2>{title}</h2>
        <button type="button" className="editor-modal__close" aria-label="닫기" onClick={onClose}>
          ×
        </button>
      </div>
      {children}
    </dialog>
  );
}
