// How the editor's saves reach the server: POST for a new story, PATCH with the version for an
// existing one. Failures come back as results the save engine understands (offline, refused,
// conflict, taken over), never as exceptions.
import type { EditorArticle } from "@/lib/articles/editor/editor-types";
import type { SaveResult, SaveTransport } from "@/components/editor/draft-session";

// Browsers refuse keepalive requests with bodies over 64 KiB; a longer story is sent without it
// (the local backup holds it if the page goes away first).
const KEEPALIVE_LIMIT = 60 * 1024;

export function articleSaveTransport(): SaveTransport {
  return {
    async save({ id, version, draft, autosave, keepalive }): Promise<SaveResult> {
      if (typeof navigator !== "undefined" && navigator.onLine === false) return { outcome: "offline" };
      const body = JSON.stringify(id === null ? { ...draft, autosave } : { ...draft, version, autosave });
      let response: Response;
      try {
        response = await fetch(id === null ? "/api/v1/articles" : `/api/v1/articles/${id}`, {
          method: id === null ? "POST" : "PATCH",
          headers: { "content-type": "application/json" },
          credentials: "same-origin",
          body,
          keepalive: keepalive && new TextEncoder().encode(body).length < KEEPALIVE_LIMIT,
        });
      } catch {
        return { outcome: "offline" };
      }
      const payload = (await response.json().catch(() => ({}))) as { article?: Pick<EditorArticle, "id" | "version">; error?: { code?: string; message?: string; reason?: string; currentVersion?: number; takenOverBy?: { name?: string } } };
      if (response.ok && payload.article) return { outcome: "saved", id: payload.article.id, version: payload.article.version };
      const error = payload.error ?? {};
      if (response.status === 409 && error.reason === "taken-over") return { outcome: "taken-over", by: error.takenOverBy?.name ?? null };
      if (response.status === 409 && error.code === "CONFLICT") return { outcome: "conflict", currentVersion: typeof error.currentVersion === "number" ? error.currentVersion : null };
      // The network is fine but the server could not save (its database is down, say): its own
      // Korean message is shown, the text stays on this device, and the save is tried again.
      if (response.status >= 500) return { outcome: "unavailable", message: error.message ?? `서버가 응답하지 않습니다 (${response.status}).` };
      if (response.status === 0) return { outcome: "offline" };
      return { outcome: "invalid", message: error.message ?? `저장하지 못했습니다 (${response.status}).` };
    },
  };
}
