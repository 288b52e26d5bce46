// No "server-only" marker: the start-up re-render (scripts/start.ts, outside Next.js) writes
// events too. Nothing here is secret, and it needs a database transaction to do anything.
// Domain events: a typed record of what changed, written in the same transaction as the change
// itself, so that a change and its event are both there or neither is. Consumers (the audit log,
// the response cache's invalidation, search indexing, feeds) read events instead of being called
// from routes: a change made through the API and one made in a page look alike to them.
import type { DbTransaction } from "@/lib/db/client";
import type { CorrectionType } from "@/lib/generated/prisma/enums";
import { refreshSearchDocument } from "@/lib/search/search-index";
import { Prisma } from "@/lib/generated/prisma/client";

/** Every event the domain emits. Add a member here when a new kind of change needs consumers. */
export type DomainEvent =
  | { type: "article.created"; articleId: number; authorId: string }
  | { type: "article.saved"; articleId: number }
  | { type: "article.submitted"; articleId: number }
  | { type: "article.returned"; articleId: number }
  | { type: "article.restored"; articleId: number; revisionNumber: number }
  | { type: "article.published"; articleId: number; sectionId: number | null; authorId: string; publishedAt: string }
  | { type: "article.scheduled"; articleId: number; sectionId: number | null; authorId: string; publishAt: string }
  | { type: "article.corrected"; articleId: number; sectionId: number | null; authorId: string; correctionType: CorrectionType }
  /** A schedule withdrawn before its time: the story is back at the desk, unapproved. */
  | { type: "article.unscheduled"; articleId: number; sectionId: number | null; authorId: string }
  | { type: "article.unpublished"; articleId: number; sectionId: number | null; authorId: string }
  | { type: "article.republished"; articleId: number; sectionId: number | null; authorId: string }
  /** Stored body HTML rebuilt by a newer renderer (no content change). */
  | { type: "article.rerendered"; articleId: number }
  | { type: "media.uploaded"; mediaId: string }
  | { type: "media.updated"; mediaId: string }
  | { type: "comment.posted"; commentId: number; articleId: number; status: "VISIBLE" | "HELD" }
  | { type: "comment.moderated"; commentId: number; articleId: number; action: "hide" | "restore" | "delete" | "auto-hide"; status: "VISIBLE" | "HIDDEN" | "DELETED" }
  | { type: "comment.deleted"; commentId: number; articleId: number }
  | { type: "comment.liked"; commentId: number; articleId: number }
  | { type: "comment.source-banned"; banId: number; until: string }
  | { type: "comment.ban-lifted"; banId: number }
  | { type: "comment.blocked-words-changed"; version: number }
  | { type: "comment.settings-changed" }
  | { type: "article.comments-closed"; articleId: number; closed: boolean }
  | { type: "staff.byline-changed"; userId: string }
  | { type: "section.changed"; sectionId: number };

export type DomainEventType = DomainEvent["type"];

// Events after which what readers may find changed: the search index follows in the same
// transaction, so a story is never findable by text it no longer shows.
const SEARCH_INDEX_EVENTS = new Set<DomainEventType>(["article.published", "article.scheduled", "article.corrected", "article.unpublished", "article.republished"]);

/** Records `event` as part of the transaction `tx` (it commits or rolls back with the change). */
export async function emitDomainEvent(tx: DbTransaction, event: DomainEvent): Promise<void> {
  // A raw insert: Prisma's model create costs several times more.
  await tx.$executeRaw(domainEventInsert(event));
  if (SEARCH_INDEX_EVENTS.has(event.type) && "articleId" in event) await refreshSearchDocument(tx, event.articleId);
}

/** The statement that records `event`, for hot paths that run on pg directly (lib/db/sql.ts). */
export function domainEventInsert(event: DomainEvent): Prisma.Sql {
  const { type, ...payload } = event;
  return Prisma.sql`INSERT INTO "DomainEvent" ("type", "payload") VALUES (${type}, ${JSON.stringify(payload)}::jsonb)`;
}

const IDENTIFIER = /^[A-Za-z][A-Za-z0-9]*$/;

/**
 * The same insert as a data-modifying CTE of a statement whose earlier CTE `source` created or
 * changed the event's subject: the payload fields named in `columns` are taken from `source`'s
 * row (e.g. the new comment's id), the rest from `event`, whose shape stays typed. One round trip
 * for the change and its event; `onlyIf` limits which rows of `source` record one.
 */
export function domainEventInsertFrom<E extends DomainEvent>(event: E, source: string, columns: Partial<Record<keyof E & string, string>>, onlyIf?: Prisma.Sql): Prisma.Sql {
  const names = [source, ...Object.values(columns)];
  if (!names.every((name) => typeof name === "string" && IDENTIFIER.test(name))) throw new Error("domainEventInsertFrom: source and columns must be plain identifiers");
  const { type, ...payload } = event;
  const pairs = Object.entries(columns).map(([field, column]) => Prisma.sql`${field}::text, ${Prisma.raw(`"${source}"."${String(column)}"`)}`);
  return Prisma.sql`INSERT INTO "DomainEvent" ("type", "payload")
    SELECT ${type}, ${JSON.stringify(payload)}::jsonb || jsonb_build_object(${Prisma.join(pairs)}) FROM ${Prisma.raw(`"${source}"`)}${onlyIf ? Prisma.sql` WHERE ${onlyIf}` : Prisma.empty}`;
}
