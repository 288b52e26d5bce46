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

/** A revision number from a URL segment, or NOT_FOUND. */
export function parseRevisionNumberParam(raw: string): number {
  const number = parseArticleId(raw);
  if (number === null || number < 1) throw notFound("그 판을 찾을 수 없습니다.");
  return number;
}

/** A media id from a URL segment, or NOT_FOUND. */
export function parseMediaIdParam(raw: string): string {
  if (!/^[a-z0-9]{1,40}$/i.test(raw)) throw notFound("사진을 찾을 수 없습니다.");
  return raw;
}

/** The query string as a plain object, for the route's zod schema. */
export function queryObject(request: Request): Record<string, string> {
  return Object.fromEntries(new URL(request.url).searchParams);
}
