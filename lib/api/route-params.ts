import { parseArticleId } from "@/lib/articles/article-id";
import { notFound } from "@/lib/errors";

/** A numeric article id from a URL segment, or NOT_FOUND. */
export function parseArticleIdParam(raw: string): number {
  const id = parseArticleId(raw);
  if (id === null) throw notFound("기사를 찾을 수 없습니다.");
  return id;
}

/** A numeric comment id from a URL segment, or NOT_FOUND. */
export function parseCommentIdParam(raw: string): number {
  const id = parseArticleId(raw);
  if (id === null) throw notFound("댓글을 찾을 수 없습니다.");
  return id;
}
