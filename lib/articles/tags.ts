import "server-only";
// Tags: created on the fly by name when a story is saved with them, unique by name (letter case
// ignored), each with a Hangul-friendly slug for its public page.
import { tagSearchQuerySchema } from "@/lib/articles/article-input-schema";
import { slugFor } from "@/lib/articles/public/slug";
import { publiclyVisibleWhere } from "@/lib/articles/public/visibility";
import { assertCan, canForAnyRecord } from "@/lib/auth/permissions";
import type { StaffUser } from "@/lib/auth/staff-user";
import { db } from "@/lib/db";
import type { DbTransaction } from "@/lib/db/client";
import type { Prisma } from "@/lib/generated/prisma/client";
import { parseInput } from "@/lib/validation";

export interface TagOut {
  id: number;
  name: string;
  slug: string;
}

const MAX_SUGGESTIONS = 20;

/**
 * The tags `actor` may learn of: those readers see (on a story public now) and those of the
 * stories `actor` may read. A tag says what a story is about, so one that exists only on a
 * colleague's draft or an unapproved update is as private as the story; the desk reads every
 * story and so may be offered every tag.
 */
function tagsVisibleTo(actor: StaffUser, now: Date): Prisma.TagWhereInput {
  if (canForAnyRecord(actor, "article.read")) return {};
  return { OR: [{ liveArticles: { some: { article: publiclyVisibleWhere(now) } } }, { articles: { some: { article: { authorId: actor.id } } } }] };
}

/** Tags whose name contains `q` (names starting with it first), for the editor's typeahead. */
export async function searchTags(actor: StaffUser, input: unknown, now = new Date()): Promise<TagOut[]> {
  assertCan(actor, "article.create");
  const { q } = parseInput(tagSearchQuerySchema, input);
  const tags = await db.tag.findMany({
    where: { AND: [q ? { name: { contains: q, mode: "insensitive" } } : {}, tagsVisibleTo(actor, now)] },
    orderBy: { name: "asc" },
    take: q ? 200 : MAX_SUGGESTIONS,
    select: { id: true, name: true, slug: true },
  });
  const needle = q.toLowerCase();
  const startsWith = (tag: TagOut) => (tag.name.toLowerCase().startsWith(needle) ? 0 : 1);
  return tags.sort((a, b) => startsWith(a) - startsWith(b) || a.name.localeCompare(b.name, "ko")).slice(0, MAX_SUGGESTIONS);
}

function slugBaseFor(name: string): string {
  // slugFor falls back to "article" for a name without letters or digits ("#", "…").
  return /[\p{L}\p{N}]/u.test(name) ? slugFor(name) : "tag";
}

/** A slug not used by any tag yet: the base, else base-2, base-3 ... */
async function freeSlug(tx: DbTransaction, base: string, taken: Set<string>): Promise<string> {
  const existing = await tx.tag.findMany({ where: { slug: { startsWith: base } }, select: { slug: true } });
  for (const { slug } of existing) taken.add(slug);
  let candidate = base;
  for (let n = 2; taken.has(candidate); n += 1) candidate = `${base}-${n}`;
  taken.add(candidate);
  return candidate;
}

async function findByNames(tx: DbTransaction, names: string[]) {
  if (names.length === 0) return [];
  return tx.tag.findMany({ where: { OR: names.map((name) => ({ name: { equals: name, mode: "insensitive" as const } })) }, select: { id: true, name: true } });
}

/** The ids of the tags with these names, in the same order, creating the missing ones. */
async function tagIdsForNames(tx: DbTransaction, names: string[]): Promise<number[]> {
  const lookup = async () => {
    const found = await findByNames(tx, names);
    return new Map(found.map((tag) => [tag.name.toLowerCase(), tag.id]));
  };
  let byName = await lookup();
  // Twice at most: a concurrent save may take a slug between our check and insert; the insert
  // then skips that row (ON CONFLICT DO NOTHING) and the second round picks another slug.
  for (let round = 0; round < 2; round += 1) {
    const missing = names.filter((name) => !byName.has(name.toLowerCase()));
    if (missing.length === 0) break;
    const taken = new Set<string>();
    const rows = [];
    for (const name of missing) rows.push({ name, slug: await freeSlug(tx, slugBaseFor(name), taken) });
    await tx.tag.createMany({ data: rows, skipDuplicates: true });
    byName = await lookup();
  }
  return names.map((name) => {
    const id = byName.get(name.toLowerCase());
    if (id === undefined) throw new Error(`tag could not be created: ${name}`);
    return id;
  });
}

/** Replaces the story's tags with these names, in this order. */
export async function setArticleTags(tx: DbTransaction, articleId: number, names: string[]): Promise<void> {
  const ids = await tagIdsForNames(tx, names);
  await tx.articleTag.deleteMany({ where: { articleId } });
  if (ids.length > 0) await tx.articleTag.createMany({ data: ids.map((tagId, sortOrder) => ({ articleId, tagId, sortOrder })) });
}
