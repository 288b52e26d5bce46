import "server-only";
import { cache } from "react";
import { cacheTag, tagResponse } from "@/lib/cache/cache-tags";
import { memoizedQuery } from "@/lib/cache/shared-query-memo";
import { readerDb } from "@/lib/db";
import { lookupKeyOrNull } from "@/lib/schemas/common";

/** Section changes invalidate it (the `site` tag); the TTL is only a backstop. */
const NAVIGATION_TTL_MS = 10 * 60_000;

export interface PublicSection {
  id: number;
  slug: string;
  name: string;
}

const sectionSelect = { id: true, slug: true, name: true } as const;

/** Active sections in their menu order, for the site navigation (read once per request). */
export const getNavigationSections = cache(
  (): Promise<PublicSection[]> =>
    memoizedQuery("sections:navigation", [cacheTag.site], NAVIGATION_TTL_MS, () =>
      readerDb.section.findMany({ where: { active: true }, orderBy: { sortOrder: "asc" }, select: sectionSelect }),
    ),
);

export const getActiveSection = cache(async (rawSlug: string): Promise<PublicSection | null> => {
  const slug = lookupKeyOrNull(rawSlug);
  const section = slug === null ? null : await readerDb.section.findFirst({ where: { slug, active: true }, select: sectionSelect });
  tagResponse(cacheTag.site, ...(section ? [cacheTag.section(section.id)] : []));
  return section;
});
