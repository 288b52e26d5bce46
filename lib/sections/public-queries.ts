import "server-only";
import { cache } from "react";
import { db } from "@/lib/db";

export interface PublicSection {
  id: number;
  slug: string;
  name: string;
}

const sectionSelect = { id: true, slug: true, name: true } as const;

/** Active sections in their menu order, for the site navigation (read once per request). */
export const getNavigationSections = cache((): Promise<PublicSection[]> => {
  return db.section.findMany({ where: { active: true }, orderBy: { sortOrder: "asc" }, select: sectionSelect });
});

export const getActiveSection = cache((slug: string): Promise<PublicSection | null> => {
  return db.section.findFirst({ where: { slug, active: true }, select: sectionSelect });
});
