// What the domain says happened, as one union, and the shape of a consumer's decisions about it.
// Every consumer (lib/events/consumers.ts) is a table with one entry per event type: a handler,
// or `null` where the consumer has nothing to do. The tables are typed so that a new member of
// `DomainEvent` without an entry in each of them does not compile.
// Types only: imported by the consumers, by the code that emits events and by start-up scripts.
import type { DbTransaction } from "@/lib/db/client";
import type { ArticleStatus, ClaimKind, ClaimStatus, CorrectionType, TakedownReason } from "@/lib/generated/prisma/enums";

/**
 * What every event of the desk workflow (lib/articles/workflow/transitions.ts) tells: the story, who moved
 * it from which state to which and when, the revision the move made and the note that went with
 * it (a return's note, an unpublication's reason, a correction's note to readers). The transition
 * record, the audit entry and the reporter's notification are written from it.
 */
export interface ArticleTransition {
  articleId: number;
  sectionId: number | null;
  authorId: string;
  actorId: string;
  from: ArticleStatus;
  to: ArticleStatus;
  /** When it happened (ISO 8601). */
  at: string;
  revision: { id: string; number: number } | null;
  note: string | null;
}

/**
 * A 임시조치 (lib/takedowns) on a story, or on one comment under it (`commentId`). The poster is
 * told through the newsroom's notifications when they are staff (`posterUserId`); a guest
 * commenter left no address.
 */
interface TakedownSubject {
  takedownId: number;
  articleId: number;
  commentId: number | null;
  posterUserId: string | null;
}

/**
 * A step of a reader's claim at the rights desk (lib/claims): which claim, about which story (or
 * comment), who moved it (null: the claimant, or the system when a publication closes it), from
 * which state to which and when, with the desk's words to the claimant. The claim's own history,
 * the audit entry and the cache invalidation are written from it.
 */
export interface ClaimStep {
  claimId: number;
  articleId: number | null;
  commentId: number | null;
  kind: ClaimKind;
  actorId: string | null;
  /** receive, supplement, accept, reject, request-info, mediate, mediation-outcome, withdraw, publish */
  action: string;
  from: ClaimStatus | null;
  to: ClaimStatus;
  /** When it happened (ISO 8601). */
  at: string;
  note: string | null;
}

/** Every event the domain emits. A new member needs a decision in every consumer's table. */
export type DomainEvent =
  | { type: "article.created"; articleId: number; authorId: string }
  | { type: "article.saved"; articleId: number; actorId: string; autosave: boolean }
  | { type: "article.restored"; articleId: number; actorId: string; revisionNumber: number }
  | ({ type: "article.submitted" } & ArticleTransition)
  | ({ type: "article.returned" } & ArticleTransition)
  /** The reporter took a submitted story back before the desk approved it (회수): a draft again. */
  | ({ type: "article.withdrawn" } & ArticleTransition)
  | ({ type: "article.published"; publishedAt: string } & ArticleTransition)
  | ({ type: "article.scheduled"; publishAt: string } & ArticleTransition)
  /** A scheduled story's time moved, before it came. */
  | ({ type: "article.rescheduled"; publishAt: string; previousPublishAt: string | null } & ArticleTransition)
  /** A pending update approved before readers saw the story (once they have, it is `article.corrected`); its time may move with it. */
  | ({ type: "article.update-approved"; publishAt: string | null; rescheduled: boolean } & ArticleTransition)
  /** A pending update of a story readers have seen went live, as 수정, 정정 or 반론. */
  | ({ type: "article.corrected"; correctionType: CorrectionType } & ArticleTransition)
  /** A schedule withdrawn before its time: the story is back at the desk, unapproved. */
  | ({ type: "article.unscheduled"; previousPublishAt: string | null } & ArticleTransition)
  | ({ type: "article.unpublished" } & ArticleTransition)
  | ({ type: "article.republished" } & ArticleTransition)
  /** 속보: the desk raised the breaking banner for this story, until `until` (ISO 8601), with an approval that went live. */
  | { type: "article.breaking-started"; articleId: number; actorId: string; at: string; until: string }
  /** The desk took a story's breaking banner down before its time (its end by time is no event: every instance's timer drops it). */
  | { type: "article.breaking-ended"; articleId: number; actorId: string; at: string }
  /** Stored body HTML rebuilt by a newer renderer (no content change). */
  | { type: "article.rerendered"; articleId: number }
  | { type: "media.uploaded"; mediaId: string; actorId: string; bytes: number; variants: number }
  | { type: "media.updated"; mediaId: string; actorId: string; fields: string[] }
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
  | { type: "section.changed"; sectionId: number }
  /** An admin created or changed a portal destination (lib/portal/destinations.ts); never the secret's value. */
  | { type: "portal.destination-changed"; destinationId: number; actorId: string; change: "created" | "updated"; secretChanged: boolean; active: boolean }
  /** The desk sent, resent, held or released a story for one destination (lib/portal/desk-actions.ts). */
  | { type: "portal.desk-action"; articleId: number; destinationId: number; actorId: string; action: "send" | "resend" | "hold" | "release"; transmissionId: string | null }
  /** The desk blocked the post for readers until `endsAt`. */
  | ({ type: "takedown.applied"; actorId: string; reason: TakedownReason; endsAt: string; claimReference: string | null } & TakedownSubject)
  /** The block ended: by itself at its time (no actor), restored early by the desk, or the post deleted. */
  | ({ type: "takedown.ended"; actorId: string | null; how: "expired" | "restored" | "deleted"; at: string; note: string | null } & TakedownSubject)
  /** The admin entered or removed an election: its poll blackout (startsAt until endsAt) applies, or no longer does. */
  | { type: "election.changed"; electionId: number; actorId: string; change: "created" | "deleted"; name: string; startsAt: string; endsAt: string }
  /** The admin changed the share of own reporting the publisher's page measures against. */
  | { type: "eligibility.settings-changed"; actorId: string; ownReportingThresholdPercent: number }
  /** A reader's claim arrived (it changes nothing public by itself). */
  | ({ type: "claim.received" } & ClaimStep)
  /** The desk answered, asked, mediated or withdrew a claim, the claimant added to it, or a publication closed it. */
  | ({ type: "claim.changed" } & ClaimStep)
  /** The desk labelled the claim's story near its headline or closed its comments for the claim, or either ended. */
  | { type: "claim.story-flagged"; claimId: number; articleId: number; actorId: string | null; label: boolean; commentsClosed: boolean; at: string }
  /** The claimant's personal data was deleted after the retention period (the evidence stays). */
  | { type: "claim.purged"; claimId: number; at: string }
  | { type: "claim.settings-changed"; actorId: string; settings: Record<string, number> };

export type DomainEventType = DomainEvent["type"];
export type EventOf<T extends DomainEventType> = Extract<DomainEvent, { type: T }>;

/**
 * An event read back from the DomainEvent table. Its fields are those of its type, but a row is
 * only as new as the code that wrote it (and tests write bare ones), so every field but the type
 * may be missing.
 */
type StoredEventOf<T extends DomainEventType> = { type: T } & Partial<Omit<EventOf<T>, "type">>;
export type StoredDomainEvent = { [T in DomainEventType]: StoredEventOf<T> }[DomainEventType];

/**
 * A consumer that commits with the change: run by `emitDomainEvent` inside the change's transaction.
 * A handler may answer with follow-up events (a change it made that others must hear about, e.g.
 * a claim closed by a published correction): they are emitted in the same transaction, after it.
 */
export type InTransactionConsumer = {
  readonly [T in DomainEventType]: ((tx: DbTransaction, event: EventOf<T>) => Promise<void | readonly DomainEvent[]>) | null;
};

/** A consumer that runs after the change committed, from the stored event; `R` is what it makes of one. */
export type AfterCommitConsumer<R, Context = undefined> = {
  readonly [T in DomainEventType]: ((event: StoredEventOf<T>, context: Context) => R) | null;
};
