import "server-only";
import { cache } from "react";
import { cacheTag, tagResponse } from "@/lib/cache/cache-tags";
import { readerDb } from "@/lib/db";

export interface PublicSection {
  id: number;
  slug: string;
  name: string;
}

const sectionSelect = { id: true, slug: true, name: true } as const;

/** Active sections in their menu order, for the site navigation (read once per request). */
export const getNavigationSections = cache((): Promise<PublicSection[]> => {
  tagResponse(cacheTag.site);
  return readerDb.section.findMany({ where: { active: true }, orderBy: { sortOrder: "asc" }, select: sectionSelect });
});

export const getActiveSection = cache(async (slug: string): Promise<PublicSection | null> => {
  const section = await readerDb.section.findFirst({ where: { slug, active: true }, select: sectionSelect });
  tagResponse(cacheTag.site, ...(section ? [cacheTag.section(section.id)] : []));
  return section;
});
