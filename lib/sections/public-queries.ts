import "server-only";
import { db } from "@/lib/db";

/** Active sections in their menu order, for the site navigation. */
export function getNavigationSections(): Promise<{ slug: string; name: string }[]> {
  return db.section.findMany({ where: { active: true }, orderBy: { sortOrder: "asc" }, select: { slug: true, name: true } });
}

export function getActiveSection(slug: string): Promise<{ slug: string; name: string } | null> {
  return db.section.findFirst({ where: { slug, active: true }, select: { slug: true, name: true } });
}
