import "server-only";
// The comments readers see under a story: visible ones only, newest first (or most liked),
// cursor-paged, with the count. The story must be public now (lib/articles/public/visibility.ts): a
// draft, a scheduled story before its time or an unpublished one has no comments to show.
// One query answers it all (story, count, page): this is what every reader's island asks for,
// so it runs on pg directly (lib/db/sql.ts).
import { publiclyVisibleSql } from "@/lib/articles/public/visibility";
import { cacheTag, tagResponse } from "@/lib/cache/cache-tags";
import { listCommentsQuerySchema, type CommentSort } from "@/lib/comments/comment-schemas";
import { toPublicComment, type PublicComment } from "@/lib/comments/public-comment";
import { runReaderSql } from "@/lib/db/sql";
import { notFound } from "@/lib/errors";
import { Prisma } from "@/lib/generated/prisma/client";
import type { TakedownReason } from "@/lib/generated/prisma/enums";
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

interface RowJson {
  id: number;
  guestName: string | null;
  ipHash: string;
  body: string;
  likeCount: number;
  /** Milliseconds since the epoch (UTC). */
  createdAt: number;
  /** A 임시조치 in force on the comment: its reason and end (ms since the epoch), else null. */
  blockReason: TakedownReason | null;
  blockEndsAt: number | null;
}

/** Where the next page starts, after the last row of the previous one (sort key, then id). */
function afterCursor(sort: CommentSort, cursor: string | undefined): Prisma.Sql {
  if (!cursor) return Prisma.empty;
  const [key = "0", id = "0"] = cursor.split(".");
  const lastId = Number(id);
  if (sort === "likes") return Prisma.sql`AND (c."likeCount", c."id") < (${Number(key)}, ${lastId})`;
  return Prisma.sql`AND (c."createdAt", c."id") < (${new Date(Number(key))}, ${lastId})`;
}

/** One page of a story's visible comments. `query` is the raw query string (sort, cursor, limit). */
export async function listPublicComments(articleId: number, query: unknown, now = new Date()): Promise<CommentPage> {
  const { sort, cursor, limit } = parseInput(listCommentsQuerySchema, query);
  // A cached answer (server/response-cache) goes stale with any comment event on the story
  // and with the story itself (unpublished: the list becomes a 404).
  tagResponse(cacheTag.comments(articleId), cacheTag.story(articleId));
  const order = sort === "likes" ? Prisma.sql`c."likeCount" DESC, c."id" DESC` : Prisma.sql`c."createdAt" DESC, c."id" DESC`;
  const rows = await runReaderSql<{ closed: boolean; count: number; page: RowJson[] }>(Prisma.sql`
    SELECT a."commentsClosed" AS "closed",
      (SELECT count(*) FROM "Comment" c WHERE c."articleId" = a."id" AND c."status" = 'VISIBLE')::int AS "count",
      (SELECT coalesce(json_agg(p), '[]'::json) FROM (
        SELECT c."id", c."guestName", c."ipHash", c."body", c."likeCount", (extract(epoch FROM c."createdAt") * 1000)::bigint::float8 AS "createdAt",
          t."reason" AS "blockReason", (extract(epoch FROM t."endsAt") * 1000)::bigint::float8 AS "blockEndsAt"
        FROM "Comment" c
        -- A 임시조치 in force on the comment (lib/takedowns): it keeps its place, behind a notice.
        LEFT JOIN LATERAL (
          SELECT t."reason", t."endsAt" FROM "Takedown" t
          WHERE t."commentId" = c."id" AND t."status" = 'ACTIVE' AND t."startsAt" <= ${now} AND t."endsAt" > ${now}
          ORDER BY t."endsAt" DESC LIMIT 1
        ) t ON true
        WHERE c."articleId" = a."id" AND c."status" = 'VISIBLE' ${afterCursor(sort, cursor)}
        ORDER BY ${order}
        LIMIT ${limit + 1}
      ) p) AS "page"
    FROM "Article" a
    WHERE a."id" = ${articleId} AND ${publiclyVisibleSql("a", now)}`,
    { prepared: true },
  );
  const row = rows[0];
  if (!row) throw notFound("기사를 찾을 수 없습니다.");
  const page = row.page.slice(0, limit);
  const last = page.at(-1);
  const nextCursor = row.page.length > limit && last ? `${sort === "likes" ? last.likeCount : last.createdAt}.${last.id}` : null;
  return {
    articleId,
    count: row.count,
    closed: row.closed,
    sort,
    comments: page.map(({ blockReason, blockEndsAt, ...comment }) =>
      toPublicComment({ ...comment, createdAt: new Date(comment.createdAt), block: blockReason && blockEndsAt !== null ? { reason: blockReason, endsAt: new Date(blockEndsAt) } : null }),
    ),
    nextCursor,
  };
}
