import "server-only";
// What the desk sees of readers' reactions: the stories readers asked follow-ups for
// (후속기사 원해요), most asked first, among the stories readers can see now. Counted from the
// reactions chosen or changed within the window, so a request stays as long as the reader keeps it.
import { publiclyVisibleWhere } from "@/lib/articles/public/visibility";
import { assertCan } from "@/lib/auth/permissions";
import type { StaffUser } from "@/lib/auth/staff-user";
import { db } from "@/lib/db";

export interface FollowUpRequest {
  articleId: number;
  headline: string;
  section: string | null;
  author: string;
  publishedAt: Date;
  /** Readers who ask for a follow-up now. */
  requests: number;
  /** Readers' reactions of every kind, for scale. */
  reactions: number;
}

const WINDOW_DAYS = 14;
const LIMIT = 10;

export async function listFollowUpRequests(actor: StaffUser, now = new Date()): Promise<FollowUpRequest[]> {
  // The desk's dashboard: editors and admins (readers' signals are not a reporter's queue).
  assertCan(actor, "article.approve");
  const since = new Date(now.getTime() - WINDOW_DAYS * 86_400_000);
  // Walks the (kind, updatedAt) index for the window's requests only, then ranks their stories.
  const ranked = await db.$queryRaw<{ articleId: number; requests: number }[]>`
    SELECT r."articleId", count(*)::int AS "requests"
    FROM "ArticleReaction" r
    WHERE r."kind" = 'FOLLOW_UP' AND r."updatedAt" >= ${since}
    GROUP BY r."articleId"
    ORDER BY "requests" DESC, r."articleId" DESC
    LIMIT ${LIMIT * 3}`;
  if (ranked.length === 0) return [];
  const stories = await db.article.findMany({
    where: { id: { in: ranked.map((row) => row.articleId) }, ...publiclyVisibleWhere(now) },
    select: {
      id: true,
      publishedAt: true,
      liveRevision: { select: { headline: true, section: { select: { name: true } }, bylines: { where: { position: 0 }, select: { name: true, title: true } } } },
      _count: { select: { reactions: true } },
    },
  });
  const byId = new Map(stories.map((story) => [story.id, story]));
  return ranked
    .flatMap(({ articleId, requests }) => {
      const story = byId.get(articleId);
      const live = story?.liveRevision;
      if (!story || !live || !story.publishedAt) return [];
      const byline = live.bylines[0];
      return [{ articleId, headline: live.headline, section: live.section?.name ?? null, author: byline ? `${byline.name} ${byline.title}` : "", publishedAt: story.publishedAt, requests, reactions: story._count.reactions }];
    })
    .slice(0, LIMIT);
}
