import "server-only";
import { assertCan } from "@/lib/auth/permissions";
import type { StaffUser } from "@/lib/auth/staff-user";
import { db } from "@/lib/db";

export interface SectionOut {
  id: number;
  name: string;
  slug: string;
}

/** The sections a story can be filed under (active ones, in menu order), for the editor. */
export async function listSectionsForEditor(actor: StaffUser): Promise<SectionOut[]> {
  assertCan(actor, "article.create");
  return db.section.findMany({ where: { active: true }, orderBy: [{ sortOrder: "asc" }, { id: "asc" }], select: { id: true, name: true, slug: true } });
}
