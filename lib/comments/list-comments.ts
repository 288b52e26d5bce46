import "server-only";
// The comments readers see under a story: visible ones only, newest first (or most liked),
// cursor-paged, with the count. The story must be public now (lib/articles/visibility.ts): a
// draft, a scheduled story before its time or an unpublished one has no comments to show.
import { publiclyVisibleWhere } from "@/lib/articles/visibility";
import { listCommentsQuerySchema, type CommentSort } from "@/lib/comments/comment-schemas";
import { publicCommentSelect, toPublicComment, type PublicComment } from "@/lib/comments/public-comment";
import { db } from "@/lib/db";
import { notFound } from "@/lib/errors";
import type { Prisma } from "@/lib/generated/prisma/client";
import { parseInput } from "@/lib/validation";

export interface CommentPage {
  articleId: number;
  /** Visible comments on the story ("댓글 N"). */
  count: number;
  /** The desk closed comments on this story. */
  closed: boolean;
  sort: CommentSort;
  comments: PublicComment[];
  /** Pass back as `cursor` for the next page ("더보기"); null on the last page. */
  nextCursor: string | null;
}

function afterCursor(sort: CommentSort, cursor: string | undefined): Prisma.CommentWhereInput {
  if (!cursor) return {};
  const [key = "0", id = "0"] = cursor.split(".");
  const lastId = Number(id);
  if (sort === "likes") {
    const likes = Number(key);
    return { OR: [{ likeCount: { lt: likes } }, { likeCount: likes, id: { lt: lastId } }] };
  }
  const at = new Date(Number(key));
  return { OR: [{ createdAt: { lt: at } }, { createdAt: at, id: { lt: lastId } }] };
}

/** One page of a story's visible comments. `query` is the raw query string (sort, cursor, limit). */
export async function listPublicComments(articleId: number, query: unknown, now = new Date()): Promise<CommentPage> {
  const { sort, cursor, limit } = parseInput(listCommentsQuerySchema, query);
  const visible = { articleId, status: "VISIBLE" } as const;
  const [article, rows, count] = await Promise.all([
    db.article.findFirst({ where: { id: articleId, ...publiclyVisibleWhere(now) }, select: { commentsClosed: true } }),
    db.comment.findMany({
      where: { ...visible, ...afterCursor(sort, cursor) },
      orderBy: sort === "likes" ? [{ likeCount: "desc" }, { id: "desc" }] : [{ createdAt: "desc" }, { id: "desc" }],
      take: limit + 1,
      select: publicCommentSelect,
    }),
    db.comment.count({ where: visible }),
  ]);
  if (!article) throw notFound("기사를 찾을 수 없습니다.");
  const page = rows.slice(0, limit);
  const last = page.at(-1);
  const nextCursor = rows.length > limit && last ? `${sort === "likes" ? last.likeCount : last.createdAt.getTime()}.${last.id}` : null;
  return { articleId, count, closed: article.commentsClosed, sort, comments: page.map(toPublicComment), nextCursor };
}
