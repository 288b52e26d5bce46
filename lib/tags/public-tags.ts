import "server-only";
import { cache } from "react";
import { cacheTag, tagResponse } from "@/lib/cache/cache-tags";
import { publiclyVisibleWhere } from "@/lib/articles/public/visibility";
import { readerDb } from "@/lib/db";
import { lookupKeyOrNull } from "@/lib/schemas/common";

/** A tag readers can open: one that at least one story they may see now carries. */
export const getPublicTag = cache(async (rawSlug: string): Promise<{ id: number; slug: string; name: string } | null> => {
  // Whether the tag has a public story changes with publication.
  tagResponse(cacheTag.latest);
  const slug = lookupKeyOrNull(rawSlug);
  if (slug === null) return null;
  return readerDb.tag.findFirst({
    where: { slug, liveArticles: { some: { article: publiclyVisibleWhere(new Date()) } } },
    select: { id: true, slug: true, name: true },
  });
});
