// The media rows the editor has seen (loaded with the story, uploaded, picked from the library),
// so a body figure can show its picture. Outside React state: a figure's node view subscribes
// to the one id it shows, typing never re-renders it.
import { useEffect, useSyncExternalStore } from "react";
import type { MediaOut } from "@/lib/articles/editor/editor-types";

const known = new Map<string, MediaOut>();
const requested = new Set<string>();
const listeners = new Set<() => void>();

export function rememberMedia(...items: (MediaOut | null | undefined)[]): void {
  for (const item of items) if (item) known.set(item.id, item);
  for (const listener of listeners) listener();
}

function subscribe(listener: () => void) {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

/** The media row for `id`, fetched once from the library when it was not loaded with the story. */
export function useMedia(id: string | null): MediaOut | undefined {
  const media = useSyncExternalStore(
    subscribe,
    () => (id ? known.get(id) : undefined),
    () => undefined,
  );
  useEffect(() => {
    if (!id || known.has(id) || requested.has(id)) return;
    requested.add(id);
    void fetch(`/api/v1/media/${encodeURIComponent(id)}`, { credentials: "same-origin" })
      .then((response) => (response.ok ? (response.json() as Promise<{ media: MediaOut }>) : null))
      .then((body) => rememberMedia(body?.media))
      .catch(() => requested.delete(id));
  }, [id]);
  return media;
}

/** The smallest copy at least `width` wide, for thumbnails in the editor. */
export function thumbnailUrl(media: MediaOut, width = 480): string {
  return media.variants.find((variant) => variant.width >= width)?.jpeg ?? media.variants.at(-1)?.jpeg ?? media.url;
}
