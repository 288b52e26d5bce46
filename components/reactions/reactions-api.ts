// The reactions bar's calls to the public API. Errors carry a Korean message (lib/api/api-route.ts)
// shown to the reader as it is.
import type { ReactionCounts, ReactionKind } from "@/lib/reactions/reaction-kinds";

export type Answer<T> = { ok: true; data: T } | { ok: false; message: string };

const FALLBACK = "연결이 불안정합니다. 잠시 뒤 다시 시도하세요.";

async function call<T>(url: string, init?: RequestInit): Promise<Answer<T>> {
  try {
    const response = await fetch(url, { ...init, headers: { "content-type": "application/json", ...init?.headers } });
    const json: unknown = await response.json().catch(() => null);
    if (response.ok) return { ok: true, data: json as T };
    const message = (json as { error?: { message?: unknown } } | null)?.error?.message;
    return { ok: false, message: typeof message === "string" ? message : FALLBACK };
  } catch {
    return { ok: false, message: FALLBACK };
  }
}

interface ReactionChange {
  kind: ReactionKind | null;
  previous: ReactionKind | null;
}

const path = (articleId: number) => `/api/v1/articles/${articleId}/reactions`;

export const fetchReactionCounts = (articleId: number) => call<{ counts: ReactionCounts; total: number }>(path(articleId));
export const sendReaction = (articleId: number, kind: ReactionKind) => call<ReactionChange>(path(articleId), { method: "POST", body: JSON.stringify({ kind }) });
export const withdrawReaction = (articleId: number) => call<ReactionChange>(path(articleId), { method: "DELETE" });
