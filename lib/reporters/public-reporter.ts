import "server-only";
// A reporter's public page: only staff with at least one story readers may see have one, so
// the staff list (admins, new hires, desk accounts) is not published by accident. Whether the
// account is still active does not matter: a reporter who left keeps the page of their stories.
import { cache } from "react";
import { cacheTag, tagResponse } from "@/lib/cache/cache-tags";
import { publiclyVisibleWhere } from "@/lib/articles/public/visibility";
import { readerDb } from "@/lib/db";
import { publicImageSelect, toPublicImage, type PublicImage } from "@/lib/media/public-image";
import { isCanonicalReporterSegment, parseReporterSegment, reporterPath, type ReporterAddress } from "@/lib/reporters/reporter-url";

export interface PublicReporter {
  id: string;
  reporterNumber: number;
  /** The page's address, /reporters/<number>-<name> (lib/reporters/reporter-url.ts). */
  path: string;
  name: string;
  title: string;
  bio: string;
  bylineEmail: string | null;
  photo: PublicImage | null;
}

/** Has at least one story readers may see now (as author or co-byline): who has a public page. */
export function hasPublicStories(now: Date) {
  const visible = publiclyVisibleWhere(now);
  return { OR: [{ articles: { some: visible } }, { coBylines: { some: { article: visible } } }] };
}

/**
 * The reporter a /reporters/<segment> address names, and whether it is their current address
 * (an old one, or a changed name, is redirected). Null for nobody with a public page.
 */
export const getPublicReporter = cache(async (rawSegment: string): Promise<{ reporter: PublicReporter; isCurrentAddress: boolean } | null> => {
  const segment = parseReporterSegment(rawSegment);
  if (!segment) return null;
  tagResponse(cacheTag.latest);
  const user = await readerDb.user.findFirst({
    where: { ...(segment.kind === "number" ? { reporterNumber: segment.reporterNumber } : { id: segment.id }), ...hasPublicStories(new Date()) },
    select: { id: true, reporterNumber: true, name: true, title: true, bio: true, bylineEmail: true, photo: { select: publicImageSelect } },
  });
  if (!user) return null;
  tagResponse(cacheTag.reporter(user.id));
  const reporter = { ...user, path: reporterPath(user), photo: user.photo ? toPublicImage(user.photo, `${user.name} ${user.title}`) : null };
  return { reporter, isCurrentAddress: isCanonicalReporterSegment(segment, user) };
});

/** Everyone with a public page, for the sitemap. */
export async function listPublicReporters(now = new Date()): Promise<(ReporterAddress & { id: string })[]> {
  return readerDb.user.findMany({ where: hasPublicStories(now), orderBy: { reporterNumber: "asc" }, select: { id: true, reporterNumber: true, name: true } });
}
