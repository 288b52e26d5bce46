"use client";
// The comment box with its live counter. It stops at 250 characters as readers count them
// (grapheme clusters, spaces included; lib/comments/comment-text.ts, the same rule as the server),
// which `maxLength` cannot do (it counts UTF-16 units). While a Korean IME is composing a syllable
// nothing is cut (cutting the text under a composition breaks it); when the composition ends,
// whatever does not fit is dropped, so the 251st syllable simply does not appear.
import { useLayoutEffect, useRef, type ChangeEvent } from "react";
import { COMMENT_MAX_LENGTH, cleanCommentText, countGraphemes, limitInsertion } from "@/lib/comments/comment-text";

export function CommentTextarea({
  value,
  onChange,
  disabled,
  placeholder,
}: {
  value: string;
  onChange: (value: string) => void;
  disabled?: boolean;
  placeholder: string;
}) {
  const ref = useRef<HTMLTextAreaElement>(null);
  const composing = useRef(false);
  // The last value that fit: what an edit is measured against.
  const accepted = useRef(value);
  const caret = useRef(-1);
  const count = countGraphemes(cleanCommentText(value));

  useLayoutEffect(() => {
    if (!composing.current) accepted.current = value;
    const element = ref.current;
    if (element && caret.current >= 0) {
      element.setSelectionRange(caret.current, caret.current);
      caret.current = -1;
    }
  }, [value]);

  const enforce = (next: string) => {
    const limited = limitInsertion(accepted.current, next, COMMENT_MAX_LENGTH);
    accepted.current = limited.value;
    caret.current = limited.value === next ? -1 : limited.caret;
    onChange(limited.value);
  };

  return (
    <div className="comment-form__body">
      <textarea
        ref={ref}
        name="body"
        value={value}
        disabled={disabled}
        placeholder={placeholder}
        aria-label="댓글 내용"
        aria-describedby="comment-counter"
        rows={4}
        onCompositionStart={() => {
          composing.current = true;
        }}
        onCompositionEnd={(event) => {
          composing.current = false;
          enforce(event.currentTarget.value);
        }}
        onChange={(event: ChangeEvent<HTMLTextAreaElement>) => {
          const native = event.nativeEvent as InputEvent;
          if (composing.current || native.isComposing) onChange(event.target.value);
          else enforce(event.target.value);
        }}
      />
      <p id="comment-counter" className={`comment-form__counter${count >= COMMENT_MAX_LENGTH ? " comment-form__counter--full" : ""}`} aria-live="polite">
        <span data-testid="comment-count">{Math.min(count, COMMENT_MAX_LENGTH)}</span>/{COMMENT_MAX_LENGTH}
      </p>
    </div>
  );
}
