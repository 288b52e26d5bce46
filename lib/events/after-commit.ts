// Consumers that run after the change committed read the stored event (the DomainEvent table),
// through LISTEN/NOTIFY or by reading rows back, in whatever process runs them. This is where
// such a row becomes a typed event for one of their tables (lib/events/event-types.ts).
import type { AfterCommitConsumer, DomainEventType, StoredDomainEvent } from "@/lib/events/event-types";

/** An event as read back from the DomainEvent table (or carried by its notification). */
export interface StoredEvent {
  type: string;
  payload: unknown;
}

/**
 * What `consumer` makes of the stored event: its handler's result, or null when the consumer
 * decided it has nothing to do for this type, or the type is unknown to this build (written by a
 * newer one during a rolling deploy).
 */
export function consumeStoredEvent<R, Context>(consumer: AfterCommitConsumer<R, Context>, stored: StoredEvent, context: Context): R | null {
  if (!Object.hasOwn(consumer, stored.type)) return null;
  const type = stored.type as DomainEventType;
  const payload = typeof stored.payload === "object" && stored.payload !== null ? stored.payload : {};
  // Only emitDomainEvent and domainEventInsertFrom write the table, both typed by DomainEvent, so
  // the fields present are of the types their event declares; StoredEventOf leaves each optional.
  // TypeScript cannot tie a table's entry to the event of the same type through a union: one cast.
  const handler = consumer[type] as ((event: StoredDomainEvent, context: Context) => R) | null;
  return handler ? handler({ ...payload, type } as StoredDomainEvent, context) : null;
}
