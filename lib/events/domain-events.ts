// No "server-only" marker: the start-up re-render (scripts/start.ts, outside Next.js) writes
// events too. Nothing here is secret, and it needs a database transaction to do anything.
// Domain events: a typed record of what changed (lib/events/event-types.ts), written in the same
// transaction as the change itself, so that a change and its event are both there or neither is.
// The consumers that must commit with the change (search index, audit log, staff notifications,
// transition log) run here, in that transaction; the rest read the stored event after commit.
// Which is which: lib/events/consumers.ts.
import type { DbTransaction } from "@/lib/db/client";
import { inTransactionConsumers, type EventWithoutInTransactionWork } from "@/lib/events/consumers";
import type { DomainEvent, EventOf } from "@/lib/events/event-types";
import { Prisma } from "@/lib/generated/prisma/client";

type InTransactionHandler = (tx: DbTransaction, event: DomainEvent) => Promise<void | readonly DomainEvent[]>;

/** Records `event` as part of the transaction `tx` and runs its in-transaction consumers there (it all commits or rolls back with the change). */
export async function emitDomainEvent(tx: DbTransaction, event: DomainEvent): Promise<void> {
  const { type, ...payload } = event;
  // A raw insert: Prisma's model create costs several times more.
  await tx.$executeRaw`INSERT INTO "DomainEvent" ("type", "payload") VALUES (${type}, ${JSON.stringify(payload)}::jsonb)`;
  for (const consumer of inTransactionConsumers) {
    // Each table's entry for a type takes that type's event; TypeScript cannot follow the
    // correlation through the union, so the entry is widened once here.
    const handler = consumer[type] as InTransactionHandler | null;
    const followUps = handler ? await handler(tx, event) : undefined;
    // Emitted in full (their own consumers run), after this consumer and before the next one.
    for (const followUp of followUps ?? []) await emitDomainEvent(tx, followUp);
  }
}

const IDENTIFIER = /^[A-Za-z][A-Za-z0-9]*$/;

/**
 * The insert of an event as a data-modifying CTE of a statement whose earlier CTE `source` created
 * or changed the event's subject, for hot paths that run on pg directly (lib/db/sql.ts): the
 * payload fields named in `columns` are taken from `source`'s row (e.g. the new comment's id),
 * the rest from `event`, whose shape stays typed. One round trip for the change and its event;
 * `onlyIf` limits which rows of `source` record one. It runs no consumer, so only events that no
 * in-transaction consumer acts on are accepted.
 */
export function domainEventInsertFrom<E extends EventOf<EventWithoutInTransactionWork>>(
  event: E,
  source: string,
  columns: Partial<Record<keyof E & string, string>>,
  onlyIf?: Prisma.Sql,
): Prisma.Sql {
  const names = [source, ...Object.values(columns)];
  if (!names.every((name) => typeof name === "string" && IDENTIFIER.test(name))) throw new Error("domainEventInsertFrom: source and columns must be plain identifiers");
  const { type, ...payload } = event;
  const pairs = Object.entries(columns).map(([field, column]) => Prisma.sql`${field}::text, ${Prisma.raw(`"${source}"."${String(column)}"`)}`);
  return Prisma.sql`INSERT INTO "DomainEvent" ("type", "payload")
    SELECT ${type}, ${JSON.stringify(payload)}::jsonb || jsonb_build_object(${Prisma.join(pairs)}) FROM ${Prisma.raw(`"${source}"`)}${onlyIf ? Prisma.sql` WHERE ${onlyIf}` : Prisma.empty}`;
}
