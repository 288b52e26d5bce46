import { notFound } from "@/lib/errors";

/** A numeric article id from a URL segment, or NOT_FOUND. */
export function parseArticleIdParam(raw: string): number {
  if (!/^\d{1,9}$/.test(raw)) throw notFound("기사를 찾을 수 없습니다.");
  return Number(raw);
}
