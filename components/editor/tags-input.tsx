"use client";
// Tags with typeahead from the tag list; a new name becomes a new tag when the story is saved.
import { useEffect, useId, useState } from "react";
import { apiRequest } from "@/components/editor/api-client";

const MAX_TAGS = 10;

export function TagsInput({ tags, onChange, disabled }: { tags: string[]; onChange: (tags: string[]) => void; disabled: boolean }) {
  const [text, setText] = useState("");
  const [suggestions, setSuggestions] = useState<string[]>([]);
  const listId = useId();
  useEffect(() => {
    const query = text.trim();
    if (!query) return;
    const handle = setTimeout(() => {
      apiRequest<{ tags: { name: string }[] }>("GET", `/api/v1/tags?q=${encodeURIComponent(query)}`)
        .then((body) => setSuggestions(body.tags.map((tag) => tag.name)))
        .catch(() => setSuggestions([]));
    }, 200);
    return () => clearTimeout(handle);
  }, [text]);
  const add = (name: string) => {
    const tag = name.trim().replace(/^#/, "");
    setText("");
    setSuggestions([]);
    if (!tag || tags.includes(tag) || tags.length >= MAX_TAGS) return;
    onChange([...tags, tag]);
  };
  return (
    <div className="tags-input">
      <ul className="tags-input__chips" aria-label="태그">
        {tags.map((tag) => (
          <li key={tag} className="tag-chip">
            #{tag}
            {!disabled && (
              <button type="button" aria-label={`${tag} 태그 빼기`} onClick={() => onChange(tags.filter((other) => other !== tag))}>
                ×
              </button>
            )}
          </li>
        ))}
      </ul>
      {!disabled && tags.length < MAX_TAGS && (
        <input
          aria-label="태그 추가"
          list={listId}
          value={text}
          placeholder="태그 입력 후 Enter"
          onChange={(event) => {
            const value = event.target.value;
            if (value.endsWith(",")) add(value.slice(0, -1));
            else setText(value);
          }}
          onKeyDown={(event) => {
            // Enter while composing Hangul commits the syllable; only a later Enter adds the tag.
            if (event.key === "Enter" && !event.nativeEvent.isComposing) {
              event.preventDefault();
              add(text);
            }
          }}
        />
      )}
      <datalist id={listId}>
        {suggestions.filter((name) => !tags.includes(name)).map((name) => (
          <option key={name} value={name} />
        ))}
      </datalist>
    </div>
  );
}
