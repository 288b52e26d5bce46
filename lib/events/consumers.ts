// Who consumes domain events, and when. Each consumer is a table keyed by event type with a
// decision for every type (lib/events/event-types.ts): a new event does not compile until each
// of them says what it does with it, or that it does nothing.
//
// 1. In the change's transaction, in this order, run by emitDomainEvent right after the event row
//    is written: what must commit with the change or not at all.
//    - searchIndex          lib/search/search-index-consumer.ts
//    - auditLog             lib/audit/audit-consumer.ts
//    - staffNotifications   lib/notifications/notification-consumer.ts
//    - transitionLog        lib/articles/workflow/transition-log.ts
//    - claimDesk            lib/claims/claim-consumer.ts (a claim's history; a published 정정 or
//                           반론 closes the claims it answers, and hands back their events)
//    - portalTransmission   lib/portal/portal-consumer.ts (records what goes to which portal and
//                           enqueues its delivery job: lib/jobs)
//    - readerMail           lib/subscriptions/subscription-consumer.ts (queues the mails to a
//                           story's followers: lib/jobs)
//    - webPush              lib/push/push-consumer.ts (queues the notifications of the topics the
//                           desk chose with the approval, for the story's publication: lib/jobs)
// 2. After commit, from the stored event (lib/events/after-commit.ts): what may lag the change
//    and must never undo it.
//    - cache invalidation   lib/cache/tags-for-event.ts, applied by every process's response
//                           cache through LISTEN/NOTIFY (its invalidation-listener.ts)
import { transitionLog } from "@/lib/articles/workflow/transition-log";
import { auditLog } from "@/lib/audit/audit-consumer";
import { claimDesk } from "@/lib/claims/claim-consumer";
import type { DomainEventType } from "@/lib/events/event-types";
import { staffNotifications } from "@/lib/notifications/notification-consumer";
import { portalTransmission } from "@/lib/portal/portal-consumer";
import { webPush } from "@/lib/push/push-consumer";
import { searchIndex } from "@/lib/search/search-index-consumer";
import { readerMail } from "@/lib/subscriptions/subscription-consumer";

export const inTransactionConsumers = [searchIndex, auditLog, staffNotifications, transitionLog, claimDesk, portalTransmission, readerMail, webPush] as const;

type InTransactionTable = (typeof inTransactionConsumers)[number];

/**
 * The event types no in-transaction consumer acts on: the only ones a hot path may record with a
 * plain SQL statement (domainEventInsertFrom), which runs no consumer.
 */
export type EventWithoutInTransactionWork = {
  [T in DomainEventType]: InTransactionTable[T] extends null ? T : never;
}[DomainEventType];
