"use client";
// Counts one view of the story: a tiny request after the page loads, separate from the page so
// that a page served from a cache still counts (app/api/views/route.ts decides what counts).
import { useEffect } from "react";

export function ViewBeacon({ articleId }: { articleId: number }) {
  useEffect(() => {
    const body = String(articleId);
    if (typeof navigator.sendBeacon === "function" && navigator.sendBeacon("/api/views", body)) return;
    void fetch("/api/views", { method: "POST", body, keepalive: true }).catch(() => undefined);
  }, [articleId]);
  return null;
}
