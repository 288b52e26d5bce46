// The island's calls to the public comment API. Every answer is JSON; errors carry a Korean
// message (lib/api/api-route.ts) that is shown to the reader as it is.
import type { CommentSort } from "@/lib/comments/comment-limits";

export interface PublicCommentView {
  id: number;
  nickname: string;
  tag: string;
  body: string;
  likeCount: number;
  createdAt: string;
  /** A 임시조치 in force: shown in the comment's place (lib/comments/public-comment.ts). */
  blocked?: { label: string; until: string; text: string } | null;
}

export interface CommentPageView {
  count: number;
  closed: boolean;
  comments: PublicCommentView[];
  nextCursor: string | null;
}

export type ApiAnswer<T> = { ok: true; status: number; data: T } | { ok: false; status: number; message: string };

const FALLBACK = "연결이 불안정합니다. 잠시 뒤 다시 시도하세요.";

async function call<T>(url: string, init?: RequestInit): Promise<ApiAnswer<T>> {
  try {
    const response = await fetch(url, { ...init, headers: { "content-type": "application/json", ...init?.headers }, cache: "no-store" });
    const json: unknown = await response.json().catch(() => null);
    if (response.ok) return { ok: true, status: response.status, data: json as T };
    const message = (json as { error?: { message?: unknown } } | null)?.error?.message;
    return { ok: false, status: response.status, message: typeof message === "string" ? message : FALLBACK };
  } catch {
    return { ok: false, status: 0, message: FALLBACK };
  }
}

export const fetchComments = (articleId: number, sort: CommentSort, cursor?: string | null) =>
  call<CommentPageView>(`/api/v1/articles/${articleId}/comments?sort=${sort}&limit=20${cursor ? `&cursor=${encodeURIComponent(cursor)}` : ""}`);

export const postComment = (articleId: number, input: { nickname: string; password: string; body: string }) =>
  call<{ comment: PublicCommentView & { status: "VISIBLE" | "HELD" }; message: string }>(`/api/v1/articles/${articleId}/comments`, { method: "POST", body: JSON.stringify(input) });

export const likeComment = (commentId: number) => call<{ likeCount: number }>(`/api/v1/comments/${commentId}/like`, { method: "POST" });

export const reportComment = (commentId: number, reason: string) => call<{ message: string }>(`/api/v1/comments/${commentId}/report`, { method: "POST", body: JSON.stringify({ reason }) });

export const deleteComment = (commentId: number, password: string) => call<{ message: string }>(`/api/v1/comments/${commentId}`, { method: "DELETE", body: JSON.stringify({ password }) });
