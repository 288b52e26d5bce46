"use client";
// Leaving or hiding the page: the save engine backs up and sends what is unsaved (keepalive); the
// browser asks before leaving only when the text could not reach the server (the backup has it).
import { useEffect } from "react";
import type { DraftSession } from "@/components/editor/draft-session";

const UNSENT = ["offline", "unavailable", "error", "conflict", "needs-headline"];

export function useSaveOnExit(session: DraftSession | null) {
  useEffect(() => {
    if (!session) return;
    const onHide = () => {
      if (document.visibilityState === "hidden") session.flushOnExit();
    };
    const onPageHide = () => session.flushOnExit();
    const onOnline = () => session.online();
    const onBeforeUnload = (event: BeforeUnloadEvent) => {
      if (session.hasUnsavedChanges && UNSENT.includes(session.status.kind)) event.preventDefault();
    };
    document.addEventListener("visibilitychange", onHide);
    window.addEventListener("pagehide", onPageHide);
    window.addEventListener("online", onOnline);
    window.addEventListener("beforeunload", onBeforeUnload);
    return () => {
      document.removeEventListener("visibilitychange", onHide);
      window.removeEventListener("pagehide", onPageHide);
      window.removeEventListener("online", onOnline);
      window.removeEventListener("beforeunload", onBeforeUnload);
    };
  }, [session]);
}
