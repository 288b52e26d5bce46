import "server-only";
// Public 정정 and 반론, newest first, for /corrections and its feed. A correction is shown exactly
// while its story is visible: the same rule as the story itself (publiclyVisibleWhere), so a
// correction of a withdrawn or not-yet-published story never shows. 수정 (UPDATE) is silent.
import { articlePath } from "@/lib/articles/public/article-url";
import { publiclyVisibleWhere } from "@/lib/articles/public/visibility";
import { cacheTag, tagResponse } from "@/lib/cache/cache-tags";
import { readerDb } from "@/lib/db";

export interface PublicCorrection {
  id: string;
  type: "CORRECTION" | "REPLY";
  note: string;
  at: Date;
  story: { id: number; headline: string; path: string; section: { slug: string; name: string } | null };
}

const CORRECTIONS_PAGE_SIZE = 50;

export async function getPublicCorrections(options: { limit?: number; now?: Date } = {}): Promise<PublicCorrection[]> {
  tagResponse(cacheTag.corrections);
  const now = options.now ?? new Date();
  const rows = await readerDb.articleCorrection.findMany({
    where: { type: { in: ["CORRECTION", "REPLY"] }, article: publiclyVisibleWhere(now) },
    orderBy: [{ createdAt: "desc" }, { id: "desc" }],
    take: options.limit ?? CORRECTIONS_PAGE_SIZE,
    select: {
      id: true,
      type: true,
      note: true,
      createdAt: true,
      // The headline readers see now (the live revision), never the working copy's.
      article: { select: { id: true, slug: true, liveRevision: { select: { headline: true, section: { select: { slug: true, name: true } } } } } },
    },
  });
  return rows.flatMap((row) => {
    const live = row.article.liveRevision;
    if (!live || row.type === "UPDATE") return [];
    return [{ id: row.id, type: row.type, note: row.note, at: row.createdAt, story: { id: row.article.id, headline: live.headline, path: articlePath(row.article), section: live.section } }];
  });
}
