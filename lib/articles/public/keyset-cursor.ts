// Pages of a story list that stay put while stories are published: each page is "the N stories
// published just before (or after) this one", by (publishedAt, id), never an OFFSET that shifts
// by one every time a new story arrives. A cursor in a URL looks like "1732512345000-123".
import type { Prisma } from "@/lib/generated/prisma/client";

export interface StoryCursor {
  publishedAt: Date;
  id: number;
}

const CURSOR = /^(\d{1,15})-(\d{1,9})$/;

export function encodeCursor(cursor: StoryCursor): string {
  return `${cursor.publishedAt.getTime()}-${cursor.id}`;
}

/** A cursor from a query-string value, or null when absent or malformed (then: the first page). */
export function decodeCursor(raw: string | string[] | undefined): StoryCursor | null {
  const value = Array.isArray(raw) ? raw[0] : raw;
  const match = value ? CURSOR.exec(value) : null;
  if (!match) return null;
  const time = Number(match[1]);
  const id = Number(match[2]);
  if (!Number.isSafeInteger(time) || id < 1 || id > 2_147_483_647) return null;
  return { publishedAt: new Date(time), id };
}

/** Stories older than the cursor (the next page, newest first). */
export function olderThan(cursor: StoryCursor): Prisma.ArticleWhereInput {
  return { OR: [{ publishedAt: { lt: cursor.publishedAt } }, { publishedAt: cursor.publishedAt, id: { lt: cursor.id } }] };
}

/** Stories newer than the cursor (the previous page). */
export function newerThan(cursor: StoryCursor): Prisma.ArticleWhereInput {
  return { OR: [{ publishedAt: { gt: cursor.publishedAt } }, { publishedAt: cursor.publishedAt, id: { gt: cursor.id } }] };
}

export const newestFirst: Prisma.ArticleOrderByWithRelationInput[] = [{ publishedAt: "desc" }, { id: "desc" }];
export const oldestFirst: Prisma.ArticleOrderByWithRelationInput[] = [{ publishedAt: "asc" }, { id: "asc" }];
