"use client";
// Presence: a heartbeat while the story is open, so others see who is editing it, and so this
// editor learns at once when the desk takes the story over (then it turns read-only before the
// reporter types more). Silent when the presence endpoint is unavailable.
import { useCallback, useEffect, useRef, useState } from "react";
import type { PresenceOut } from "@/lib/articles/editor/editor-types";

const HEARTBEAT_MS = 15_000;
/** While typing, the heartbeat comes sooner: a takeover is noticed within seconds. */
const TYPING_HEARTBEAT_MS = 4_000;

export function usePresence(articleId: number | null, options: { enabled: boolean; onTakenOver: (by: string) => void }) {
  const [presence, setPresence] = useState<PresenceOut | null>(null);
  const [error, setError] = useState<string | null>(null);
  const lastBeat = useRef(0);
  const unavailable = useRef(false);
  const onTakenOver = useRef(options.onTakenOver);
  useEffect(() => {
    onTakenOver.current = options.onTakenOver;
  });

  const beat = useCallback(
    async (takeOver = false, opening = false) => {
      if (articleId === null || unavailable.current || !options.enabled) return;
      lastBeat.current = Date.now();
      try {
        const response = await fetch(`/api/v1/articles/${articleId}/presence`, {
          method: "POST",
          headers: { "content-type": "application/json" },
          credentials: "same-origin",
          // `opening`: this person opened the story again, so a takeover from an earlier visit
          // no longer stands against their saves.
          body: JSON.stringify({ ...(takeOver ? { takeOver: true } : {}), ...(opening ? { opening: true } : {}) }),
        });
        if (response.status === 404 || response.status === 405) {
          unavailable.current = true;
          return;
        }
        const body = (await response.json().catch(() => ({}))) as { presence?: PresenceOut; error?: { message?: string } };
        if (!response.ok || !body.presence) {
          if (takeOver) setError(body.error?.message ?? "편집을 넘겨받지 못했습니다.");
          return;
        }
        setError(null);
        setPresence(body.presence);
        if (body.presence.takenOverBy && !body.presence.mine) onTakenOver.current(body.presence.takenOverBy.name);
      } catch {
        // Offline: the save status already says so; the next beat tries again.
      }
    },
    [articleId, options.enabled],
  );

  useEffect(() => {
    if (articleId === null || !options.enabled) return;
    const first = setTimeout(() => void beat(false, true), 0);
    const interval = setInterval(() => void beat(), HEARTBEAT_MS);
    const onVisible = () => {
      if (document.visibilityState === "visible") void beat();
    };
    const release = () => {
      if (!unavailable.current) void fetch(`/api/v1/articles/${articleId}/presence`, { method: "DELETE", credentials: "same-origin", keepalive: true }).catch(() => {});
    };
    document.addEventListener("visibilitychange", onVisible);
    window.addEventListener("pagehide", release);
    return () => {
      clearTimeout(first);
      clearInterval(interval);
      document.removeEventListener("visibilitychange", onVisible);
      window.removeEventListener("pagehide", release);
      release();
    };
  }, [articleId, options.enabled, beat]);

  /** Called on typing: beats again if the last beat is a few seconds old. */
  const noteActivity = useCallback(() => {
    if (Date.now() - lastBeat.current > TYPING_HEARTBEAT_MS) void beat();
  }, [beat]);

  return { presence, error, takeOver: () => beat(true), noteActivity };
}
