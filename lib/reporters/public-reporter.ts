import "server-only";
// A reporter's public page: only staff with at least one story readers may see have one, so
// the staff list (admins, new hires, desk accounts) is not published by accident.
import { cache } from "react";
import { cacheTag, tagResponse } from "@/lib/cache/cache-tags";
import { publiclyVisibleWhere } from "@/lib/articles/visibility";
import { readerDb } from "@/lib/db";
import { publicImageSelect, toPublicImage, type PublicImage } from "@/lib/media/public-image";

export interface PublicReporter {
  id: string;
  name: string;
  title: string;
  bio: string;
  bylineEmail: string | null;
  photo: PublicImage | null;
}

const STAFF_ID = /^[a-z0-9]{1,40}$/i;

export const getPublicReporter = cache(async (id: string): Promise<PublicReporter | null> => {
  if (!STAFF_ID.test(id)) return null;
  tagResponse(cacheTag.reporter(id), cacheTag.latest);
  const visible = publiclyVisibleWhere(new Date());
  const user = await readerDb.user.findFirst({
    where: { id, OR: [{ articles: { some: visible } }, { coBylines: { some: { article: visible } } }] },
    select: { id: true, name: true, title: true, bio: true, bylineEmail: true, photo: { select: publicImageSelect } },
  });
  if (!user) return null;
  return { ...user, photo: user.photo ? toPublicImage(user.photo, `${user.name} ${user.title}`) : null };
});

/** Everyone with a public page, for the sitemap. */
export async function listPublicReporterIds(now = new Date()): Promise<{ id: string }[]> {
  const visible = publiclyVisibleWhere(now);
  return readerDb.user.findMany({
    where: { OR: [{ articles: { some: visible } }, { coBylines: { some: { article: visible } } }] },
    orderBy: { id: "asc" },
    select: { id: true },
  });
}
