import "server-only";
// The desk workflow. Which transition is allowed when is decided by one rule,
// lib/articles/workflow/transition-rules.ts; the functions here enforce it and make the change.
// Each function checks, in this order: the role may make this transition at all (403 before any
// input is read), the story exists (404), the actor may act on this story (403), the input (400),
// the story's state (409). Every change is one conditional update on (id, status, version) that
// also bumps the version, so it fails cleanly (409) if anyone saved or moved the story since it
// was read, and a save started before a transition cannot land after it. In the same transaction
// it emits the transition's domain event, whose consumers write the transition record, the audit
// entry, the reporter's notification and the search index entry: all of them or none.
import { approveArticleSchema, returnArticleSchema, unpublishArticleSchema } from "@/lib/articles/article-input-schema";
import { cancelScheduleSchema, republishArticleSchema, rescheduleArticleSchema, withdrawArticleSchema } from "@/lib/articles/workflow/desk-input-schema";
import { snapshotRevision } from "@/lib/articles/revisions/revisions";
import { syncLiveTags } from "@/lib/articles/public/live-tags";
import { storedPollSurveyProblems, storedSubmissionProblems } from "@/lib/articles/workflow/submission-story";
import { permissionRefusal, roleMayEver, stateRefusal, type TransitionAction } from "@/lib/articles/workflow/transition-rules";
import { isLive, isPubliclyVisible } from "@/lib/articles/public/visibility";
import { addUpdateLogEntry, breakingUntilFor, type BreakingRequest } from "@/lib/breaking/update-log";
import { requestStoryPushes } from "@/lib/push/story-push";
import type { PushTopic } from "@/lib/push/push-topics";
import type { StaffUser } from "@/lib/auth/staff-user";
import { db } from "@/lib/db";
import type { DbTransaction } from "@/lib/db/client";
import { assertOutsidePollBlackout } from "@/lib/elections/poll-blackouts";
import { conflict, forbidden, invalid, notFound } from "@/lib/errors";
import { emitDomainEvent } from "@/lib/events/domain-events";
import type { ArticleTransition, DomainEvent } from "@/lib/events/event-types";
import type { Prisma } from "@/lib/generated/prisma/client";
import type { ArticleStatus, RevisionKind } from "@/lib/generated/prisma/enums";
import { parseInput } from "@/lib/validation";

const subjectSelect = {
  id: true,
  authorId: true,
  sectionId: true,
  status: true,
  version: true,
  publishedAt: true,
  liveRevisionId: true,
  hasPendingUpdate: true,
} as const satisfies Prisma.ArticleSelect;

type Subject = Prisma.ArticleGetPayload<{ select: typeof subjectSelect }>;

/** The story, once the actor may make `action` on it (403 first, then 404, then 403 for someone else's). */
async function loadSubject(actor: StaffUser, id: number, action: TransitionAction): Promise<Subject> {
  if (!roleMayEver(actor, action)) throw forbidden(permissionRefusal(actor, { authorId: "" }, action) ?? undefined);
  const article = await db.article.findUnique({ where: { id }, select: subjectSelect });
  if (!article) throw notFound("기사를 찾을 수 없습니다.");
  const refusal = permissionRefusal(actor, article, action);
  if (refusal) throw forbidden(refusal);
  return article;
}

function assertStateAllows(article: Subject, action: TransitionAction, now: Date): void {
  const refusal = stateRefusal(article, action, now);
  if (refusal) throw conflict(refusal, { status: article.status });
}

/** One transition of a loaded story: what changes on the row, the revision it takes, the event it emits. */
interface Transition {
  to: ArticleStatus;
  data: Prisma.ArticleUncheckedUpdateManyInput;
  note?: string | null;
  /** Snapshot the working copy as a revision of this kind; `makeLive` makes it what readers see. */
  snapshot?: { kind: RevisionKind; note?: string; makeLive?: boolean };
  /** Rows that belong to the change itself and name its revision. */
  writeWithRevision?: (tx: DbTransaction, revisionId: string | null) => Promise<unknown>;
  /** When the move puts the story before readers: a poll story may not go out in an election's blackout then. */
  goesPublicAt?: Date;
  event: (transition: ArticleTransition) => DomainEvent;
  /** Events that come with the transition's own (a 속보 banner raised with an approval). */
  alsoEmit?: (transition: ArticleTransition) => DomainEvent[];
  /** What the approval decided beside the text (the desk's push topics), written before the event so its consumers see it. */
  alsoWrite?: (tx: DbTransaction) => Promise<unknown>;
}

const STALE = "그사이 다른 사람이 이 기사를 저장했거나 상태를 바꿨습니다. 새로고침해 최신 내용을 확인한 뒤 다시 하세요.";

/**
 * The conditional update, its revision and its event, in one transaction. What else goes with a
 * transition (its record, the audit entry, the reporter's notification, the search index) is
 * written by the event's consumers in the same transaction (lib/events/consumers.ts).
 */
async function applyTransition(actor: StaffUser, article: Subject, now: Date, transition: Transition): Promise<void> {
  await db.$transaction(async (tx) => {
    // The conditional update comes first: it locks the row, so a snapshot below is exactly the
    // reviewed version and no save can slip in between.
    const { count } = await tx.article.updateMany({
      where: { id: article.id, status: article.status, version: article.version },
      data: { ...transition.data, status: transition.to, version: { increment: 1 } },
    });
    if (count === 0) throw conflict(STALE);
    if (transition.goesPublicAt) await assertOutsidePollBlackout(tx, article.id, transition.goesPublicAt, now);
    const revision = transition.snapshot ? await takeSnapshot(tx, actor, article.id, transition.snapshot, now) : null;
    if (transition.snapshot?.makeLive || "liveRevisionId" in transition.data) await syncLiveTags(tx, article.id);
    await transition.writeWithRevision?.(tx, revision?.id ?? null);
    await transition.alsoWrite?.(tx);
    const record: ArticleTransition = {
      articleId: article.id,
      sectionId: article.sectionId,
      authorId: article.authorId,
      actorId: actor.id,
      from: article.status,
      to: transition.to,
      at: now.toISOString(),
      revision,
      note: transition.note ?? null,
    };
    await emitDomainEvent(tx, transition.event(record));
    for (const event of transition.alsoEmit?.(record) ?? []) await emitDomainEvent(tx, event);
  });
}

async function takeSnapshot(tx: DbTransaction, actor: StaffUser, articleId: number, snapshot: NonNullable<Transition["snapshot"]>, now: Date) {
  const id = await snapshotRevision(tx, articleId, snapshot.kind, actor.id, snapshot.note, now);
  const { number } = await tx.articleRevision.findUniqueOrThrow({ where: { id }, select: { number: true } });
  if (snapshot.makeLive) await tx.article.update({ where: { id: articleId }, data: { liveRevisionId: id } });
  return { id, number };
}

const iso = (date: Date | null) => date?.toISOString() ?? null;

/** A draft goes to the desk, if it meets the submission checks (listed in Korean otherwise). */
export async function submitArticle(actor: StaffUser, id: number, now = new Date()) {
  const article = await loadSubject(actor, id, "submit");
  assertStateAllows(article, "submit", now);
  const problems = await storedSubmissionProblems(db, id);
  if (problems.length > 0) {
    throw invalid(`데스크에 넘기기 전에 채울 것이 있습니다: ${problems.map((problem) => problem.message).join(" ")}`, { problems });
  }
  await applyTransition(actor, article, now, {
    to: "SUBMITTED",
    data: { submittedAt: now, deskNote: null },
    snapshot: { kind: "SUBMIT" },
    event: (transition) => ({ type: "article.submitted", ...transition }),
  });
}

/**
 * The reporter takes a submitted story back before the desk approves it (회수): it is a draft
 * again, off the desk's queue, to be submitted anew. The submission's revision stays in the history.
 */
export async function withdrawArticle(actor: StaffUser, id: number, input: unknown = {}, now = new Date()) {
  const article = await loadSubject(actor, id, "withdraw");
  const { note } = parseInput(withdrawArticleSchema, input ?? {});
  assertStateAllows(article, "withdraw", now);
  await applyTransition(actor, article, now, {
    to: "DRAFT",
    data: { submittedAt: null },
    note,
    event: (transition) => ({ type: "article.withdrawn", ...transition }),
  });
}

export async function returnArticle(actor: StaffUser, id: number, input: unknown, now = new Date()) {
  const article = await loadSubject(actor, id, "return");
  const { note } = parseInput(returnArticleSchema, input);
  assertStateAllows(article, "return", now);
  await applyTransition(actor, article, now, {
    to: "DRAFT",
    data: { deskNote: note },
    note,
    snapshot: { kind: "RETURN", note },
    event: (transition) => ({ type: "article.returned", ...transition }),
  });
}

/**
 * Approves the working copy at `version` (the one the editor reviewed):
 * - a submitted story is published now, or scheduled for `publishAt`;
 * - a live story's pending update goes live: once readers have seen the story, as 수정 (silent,
 *   the default), 정정 or 반론 (with a note readers see); before that, silently, keeping or moving
 *   its scheduled time;
 * - a scheduled story with nothing pending and a `publishAt` is rescheduled.
 * An approval that puts text in front of readers now may raise the 속보 banner (`breaking`) and
 * adds to the story's update log (lib/breaking/update-log.ts).
 */
export async function approveArticle(actor: StaffUser, id: number, input: unknown, now = new Date()) {
  const article = await loadSubject(actor, id, "approve");
  const { version, publishAt, correctionType, correctionNote, pushTopics, ...breaking } = parseInput(approveArticleSchema, input);
  if (article.version !== version) {
    throw conflict("검토한 뒤에 기사가 바뀌었습니다. 최신 내용을 다시 확인하고 승인하세요.", { currentVersion: article.version });
  }
  if (publishAt && publishAt.getTime() <= now.getTime()) {
    throw invalid("예약 시각이 이미 지났습니다. 비워 두고 지금 발행하거나 앞으로의 시각을 고르세요.");
  }
  // The working copy goes live: a poll story must carry its particulars (선거여론조사기준 제18조).
  const pollProblems = await storedPollSurveyProblems(db, id);
  if (pollProblems.length > 0) throw invalid(`여론조사 보도에 함께 실을 사항이 빠졌습니다: ${pollProblems.map((problem) => problem.message).join(" ")}`, { problems: pollProblems });
  const asksForBreaking = breaking.breaking || breaking.updateNote !== "";
  if (publishAt && asksForBreaking) throw invalid(NOT_NOW_FOR_BREAKING);
  const push = pushWith(actor, id, pushTopics, now);
  if (article.status === "SUBMITTED" || !isLive(article)) {
    assertStateAllows(article, publishAt ? "schedule" : "approve", now);
    if (correctionType && correctionType !== "UPDATE") throw invalid("처음 승인하는 기사에는 정정·반론을 고르지 않습니다.");
    return publishAt ? scheduleSubmitted(actor, article, publishAt, now, push) : publishSubmitted(actor, article, now, breaking, push);
  }
  if (publishAt && !article.hasPendingUpdate) return rescheduleLoaded(actor, article, publishAt, now, push);
  assertStateAllows(article, "approveUpdate", now);
  if (publishAt) assertStateAllows(article, "reschedule", now);
  const visible = isPubliclyVisible(article, now);
  if (!visible) {
    if (correctionType && correctionType !== "UPDATE") throw invalid("아직 독자에게 공개되지 않은 기사라 정정·반론으로 표시하지 않습니다.");
    if (asksForBreaking) throw invalid(NOT_NOW_FOR_BREAKING);
    return approvePendingBeforePublication(actor, article, publishAt, now, push);
  }
  const type = correctionType ?? "UPDATE";
  if (type === "UPDATE" && correctionNote) throw invalid("수정은 독자에게 알리지 않으므로 설명을 받지 않습니다. 설명을 보이려면 정정이나 반론을 고르세요.");
  if (type !== "UPDATE" && !correctionNote) throw invalid("정정·반론에는 독자에게 보일 설명을 적어 주세요.", { fieldErrors: { correctionNote: "설명을 적어 주세요." } });
  // A breaking story's update is an ordinary approved update (article.corrected, same id and
  // address) to every consumer; the banner and the update log come with it.
  const breakingUntil = breakingUntilFor(breaking, now);
  await applyTransition(actor, article, now, {
    to: "PUBLISHED",
    data: { lastCorrectedAt: now, hasPendingUpdate: false, ...(breakingUntil ? { breakingUntil } : {}) },
    note: correctionNote,
    snapshot: { kind: "CORRECTION", makeLive: true },
    goesPublicAt: now,
    // The notice readers see under the story, and the update log's entry above it, are part of the change.
    writeWithRevision: async (tx, revisionId) => {
      await tx.articleCorrection.create({ data: { articleId: id, type, note: correctionNote, revisionId, createdById: actor.id, createdAt: now } });
      await addUpdateLogEntry(tx, { articleId: id, revisionId, createdById: actor.id, at: now }, breaking);
    },
    event: (transition) => ({ type: "article.corrected", ...transition, correctionType: type }),
    alsoEmit: breakingStarted(breakingUntil),
    alsoWrite: push,
  });
}

/** The desk's push choice, written with the approval (lib/push/story-push.ts); the push itself waits for the story to be public. */
function pushWith(actor: StaffUser, articleId: number, topics: readonly PushTopic[], now: Date): Transition["alsoWrite"] {
  return topics.length > 0 ? (tx) => requestStoryPushes(tx, actor, articleId, topics, now) : undefined;
}

const NOT_NOW_FOR_BREAKING = "속보 표시와 업데이트 설명은 지금 독자에게 공개되는 승인에만 답니다. 예약 발행이나 공개 전 기사에는 고르지 마세요.";

/** The 속보 event that comes with an approval raising the banner until `until`. */
function breakingStarted(until: Date | undefined): Transition["alsoEmit"] {
  return (transition) => (until ? [{ type: "article.breaking-started", articleId: transition.articleId, actorId: transition.actorId, at: transition.at, until: until.toISOString() }] : []);
}

async function publishSubmitted(actor: StaffUser, article: Subject, now: Date, breaking: BreakingRequest, push: Transition["alsoWrite"]) {
  const breakingUntil = breakingUntilFor(breaking, now);
  await applyTransition(actor, article, now, {
    to: "PUBLISHED",
    data: { approvedAt: now, approvedById: actor.id, publishedAt: now, hasPendingUpdate: false, unpublishedAt: null, ...(breakingUntil ? { breakingUntil } : {}) },
    snapshot: { kind: "APPROVE", makeLive: true },
    goesPublicAt: now,
    writeWithRevision: (tx, revisionId) => addUpdateLogEntry(tx, { articleId: article.id, revisionId, createdById: actor.id, at: now }, breaking),
    event: (transition) => ({ type: "article.published", ...transition, publishedAt: now.toISOString() }),
    alsoEmit: breakingStarted(breakingUntil),
    alsoWrite: push,
  });
}

async function scheduleSubmitted(actor: StaffUser, article: Subject, publishAt: Date, now: Date, push: Transition["alsoWrite"]) {
  await applyTransition(actor, article, now, {
    to: "SCHEDULED",
    data: { approvedAt: now, approvedById: actor.id, publishedAt: publishAt, hasPendingUpdate: false, unpublishedAt: null },
    snapshot: { kind: "APPROVE", makeLive: true },
    goesPublicAt: publishAt,
    event: (transition) => ({ type: "article.scheduled", ...transition, publishAt: publishAt.toISOString() }),
    alsoWrite: push,
  });
}

/** A scheduled story readers have not seen yet: its update goes live silently; the time stays or moves. */
async function approvePendingBeforePublication(actor: StaffUser, article: Subject, publishAt: Date | null, now: Date, push: Transition["alsoWrite"]) {
  await applyTransition(actor, article, now, {
    to: article.status,
    data: { approvedAt: now, approvedById: actor.id, hasPendingUpdate: false, ...(publishAt ? { publishedAt: publishAt } : {}) },
    snapshot: { kind: "APPROVE", makeLive: true },
    // A story scheduled before its poll flag was approved: its (old or new) time is checked now.
    goesPublicAt: publishAt ?? article.publishedAt ?? now,
    event: (transition) => ({ type: "article.update-approved", ...transition, publishAt: iso(publishAt ?? article.publishedAt), rescheduled: publishAt !== null }),
    alsoWrite: push,
  });
}

async function rescheduleLoaded(actor: StaffUser, article: Subject, publishAt: Date, now: Date, push?: Transition["alsoWrite"]) {
  assertStateAllows(article, "reschedule", now);
  await applyTransition(actor, article, now, {
    to: "SCHEDULED",
    data: { publishedAt: publishAt },
    goesPublicAt: publishAt,
    event: (transition) => ({ type: "article.rescheduled", ...transition, publishAt: publishAt.toISOString(), previousPublishAt: iso(article.publishedAt) }),
    alsoWrite: push,
  });
}

/** Moves a scheduled story's time (only before it comes). */
export async function rescheduleArticle(actor: StaffUser, id: number, input: unknown, now = new Date()) {
  const article = await loadSubject(actor, id, "reschedule");
  const { publishAt } = parseInput(rescheduleArticleSchema, input);
  if (publishAt.getTime() <= now.getTime()) throw invalid("예약 시각이 이미 지났습니다. 앞으로의 시각을 고르세요.");
  await rescheduleLoaded(actor, article, publishAt, now);
}

/** Withdraws a schedule before its time: the story goes back to the desk, unapproved. */
export async function cancelSchedule(actor: StaffUser, id: number, input: unknown = {}, now = new Date()) {
  const article = await loadSubject(actor, id, "cancelSchedule");
  const { note } = parseInput(cancelScheduleSchema, input ?? {});
  assertStateAllows(article, "cancelSchedule", now);
  await applyTransition(actor, article, now, {
    to: "SUBMITTED",
    // Readers never saw it: it is again a story waiting for approval, with no approved text.
    data: { liveRevisionId: null, approvedAt: null, approvedById: null, publishedAt: null, hasPendingUpdate: false, submittedAt: now },
    note,
    event: (transition) => ({ type: "article.unscheduled", ...transition, previousPublishAt: iso(article.publishedAt) }),
  });
}

/**
 * Takes a story off the site. `alsoInTransaction` writes what the unpublication is part of (a
 * 임시조치 ending in deletion, lib/takedowns/end-takedown.ts) in its transaction: both or neither.
 */
export async function unpublishArticle(actor: StaffUser, id: number, input: unknown, now = new Date(), alsoInTransaction?: (tx: DbTransaction) => Promise<unknown>) {
  const article = await loadSubject(actor, id, "unpublish");
  const { reason } = parseInput(unpublishArticleSchema, input);
  assertStateAllows(article, "unpublish", now);
  await applyTransition(actor, article, now, {
    to: "UNPUBLISHED",
    // A withdrawn story's banner ends with it (republishing does not raise it again).
    data: { unpublishedAt: now, breakingUntil: null },
    note: reason,
    writeWithRevision: alsoInTransaction ? (tx) => alsoInTransaction(tx) : undefined,
    event: (transition) => ({ type: "article.unpublished", ...transition }),
  });
}

/**
 * Puts an unpublished story back, as it was approved (its live revision; a pending update stays
 * pending). It keeps its publication time if readers had seen it, else it is published now.
 */
export async function republishArticle(actor: StaffUser, id: number, input: unknown, now = new Date()) {
  const article = await loadSubject(actor, id, "republish");
  const { reason } = parseInput(republishArticleSchema, input);
  assertStateAllows(article, "republish", now);
  const publishedAt = article.publishedAt && article.publishedAt.getTime() <= now.getTime() ? article.publishedAt : now;
  await applyTransition(actor, article, now, {
    to: "PUBLISHED",
    data: { unpublishedAt: null, publishedAt },
    note: reason,
    goesPublicAt: now,
    event: (transition) => ({ type: "article.republished", ...transition }),
  });
}
