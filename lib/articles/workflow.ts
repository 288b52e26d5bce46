import "server-only";
// The desk workflow. Which transition is allowed when is decided by one rule,
// lib/articles/transition-rules.ts; the functions here enforce it and make the change.
// Each function checks, in this order: the role may make this transition at all (403 before any
// input is read), the story exists (404), the actor may act on this story (403), the input (400),
// the story's state (409). Every change is one conditional update on (id, status, version) that
// also bumps the version, so it fails cleanly (409) if anyone saved or moved the story since it
// was read, and a save started before a transition cannot land after it. In the same transaction
// it writes the transition record, the domain event, the audit entry and the reporter's
// notification: all of them or none.
import { approveArticleSchema, returnArticleSchema, unpublishArticleSchema } from "@/lib/articles/article-input-schema";
import { cancelScheduleSchema, republishArticleSchema, rescheduleArticleSchema } from "@/lib/articles/desk-input-schema";
import { snapshotRevision } from "@/lib/articles/revisions";
import { syncLiveTags } from "@/lib/articles/live-tags";
import { storedSubmissionProblems } from "@/lib/articles/submission-story";
import { recordTransition } from "@/lib/articles/transition-log";
import { permissionRefusal, roleMayEver, stateRefusal, type TransitionAction } from "@/lib/articles/transition-rules";
import { isLive, isPubliclyVisible } from "@/lib/articles/visibility";
import { recordAudit } from "@/lib/audit/record-audit";
import type { StaffUser } from "@/lib/auth/staff-user";
import { db } from "@/lib/db";
import type { DbTransaction } from "@/lib/db/client";
import { conflict, forbidden, invalid, notFound } from "@/lib/errors";
import { emitDomainEvent } from "@/lib/events/domain-events";
import type { Prisma } from "@/lib/generated/prisma/client";
import type { ArticleStatus, RevisionKind, TransitionKind } from "@/lib/generated/prisma/enums";
import { moveUpcomingPublication, notifyAuthor } from "@/lib/notifications/staff-notifications";
import { formatKstDateTime } from "@/lib/format/korean-time";
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

interface Change {
  actor: StaffUser;
  article: Subject;
  kind: TransitionKind;
  to: ArticleStatus;
  data: Prisma.ArticleUncheckedUpdateManyInput;
  now: Date;
  note?: string | null;
  publishAt?: Date | null;
  /** Snapshot the working copy as a revision of this kind (and record its number with the transition). */
  snapshot?: { kind: RevisionKind; note?: string; makeLive?: boolean };
  /** Whatever else belongs to this change (event, audit, notifications, correction). */
  then: (tx: DbTransaction, done: { revisionId: string | null }) => Promise<void>;
  correctionType?: Prisma.ArticleTransitionUncheckedCreateInput["correctionType"];
}

const STALE = "그사이 다른 사람이 이 기사를 저장했거나 상태를 바꿨습니다. 새로고침해 최신 내용을 확인한 뒤 다시 하세요.";

/** One transition: the conditional update, its revision, its record and everything that goes with it, in one transaction. */
async function applyTransition(change: Change, expectedVersion = change.article.version): Promise<void> {
  const { actor, article, now } = change;
  await db.$transaction(async (tx) => {
    // The conditional update comes first: it locks the row, so a snapshot below is exactly the
    // reviewed version and no save can slip in between.
    const { count } = await tx.article.updateMany({
      where: { id: article.id, status: article.status, version: expectedVersion },
      data: { ...change.data, status: change.to, version: { increment: 1 } },
    });
    if (count === 0) throw conflict(STALE);
    let revisionId: string | null = null;
    let revisionNumber: number | null = null;
    if (change.snapshot) {
      revisionId = await snapshotRevision(tx, article.id, change.snapshot.kind, actor.id, change.snapshot.note, now);
      revisionNumber = (await tx.articleRevision.findUniqueOrThrow({ where: { id: revisionId }, select: { number: true } })).number;
      if (change.snapshot.makeLive) await tx.article.update({ where: { id: article.id }, data: { liveRevisionId: revisionId } });
    }
    if (change.snapshot?.makeLive || "liveRevisionId" in change.data) await syncLiveTags(tx, article.id);
    await recordTransition(tx, {
      articleId: article.id,
      kind: change.kind,
      fromStatus: article.status,
      toStatus: change.to,
      actorId: actor.id,
      note: change.note,
      publishAt: change.publishAt,
      correctionType: change.correctionType,
      revisionNumber,
      at: now,
    });
    await change.then(tx, { revisionId });
  });
}

const refs = (article: Subject) => ({ articleId: article.id, sectionId: article.sectionId, authorId: article.authorId });
const audit = (tx: DbTransaction, actor: StaffUser, action: string, id: number, detail?: Prisma.InputJsonValue) =>
  recordAudit({ actorId: actor.id, action, targetType: "Article", targetId: id, detail }, tx);

/** A draft goes to the desk, if it meets the submission checks (listed in Korean otherwise). */
export async function submitArticle(actor: StaffUser, id: number, now = new Date()) {
  const article = await loadSubject(actor, id, "submit");
  assertStateAllows(article, "submit", now);
  const problems = await storedSubmissionProblems(db, id);
  if (problems.length > 0) {
    throw invalid(`데스크에 넘기기 전에 채울 것이 있습니다: ${problems.map((problem) => problem.message).join(" ")}`, { problems });
  }
  await applyTransition({
    actor,
    article,
    kind: "SUBMIT",
    to: "SUBMITTED",
    data: { submittedAt: now, deskNote: null },
    now,
    snapshot: { kind: "SUBMIT" },
    then: async (tx) => {
      await emitDomainEvent(tx, { type: "article.submitted", articleId: id });
      await audit(tx, actor, "article.submit", id);
    },
  });
}

export async function returnArticle(actor: StaffUser, id: number, input: unknown, now = new Date()) {
  const article = await loadSubject(actor, id, "return");
  const { note } = parseInput(returnArticleSchema, input);
  assertStateAllows(article, "return", now);
  await applyTransition({
    actor,
    article,
    kind: "RETURN",
    to: "DRAFT",
    data: { deskNote: note },
    now,
    note,
    snapshot: { kind: "RETURN", note },
    then: async (tx) => {
      await emitDomainEvent(tx, { type: "article.returned", articleId: id });
      await audit(tx, actor, "article.return", id, { note });
      await notifyAuthor(tx, { articleId: id, authorId: article.authorId, actorId: actor.id, kind: "RETURNED", note, notifyAt: now });
    },
  });
}

/**
 * Approves the working copy at `version` (the one the editor reviewed):
 * - a submitted story is published now, or scheduled for `publishAt`;
 * - a live story's pending update goes live: once readers have seen the story, as 수정 (silent,
 *   the default), 정정 or 반론 (with a note readers see); before that, silently, keeping or moving
 *   its scheduled time;
 * - a scheduled story with nothing pending and a `publishAt` is rescheduled.
 */
export async function approveArticle(actor: StaffUser, id: number, input: unknown, now = new Date()) {
  const article = await loadSubject(actor, id, "approve");
  const { version, publishAt, correctionType, correctionNote } = parseInput(approveArticleSchema, input);
  if (article.version !== version) {
    throw conflict("검토한 뒤에 기사가 바뀌었습니다. 최신 내용을 다시 확인하고 승인하세요.", { currentVersion: article.version });
  }
  if (publishAt && publishAt.getTime() <= now.getTime()) {
    throw invalid("예약 시각이 이미 지났습니다. 비워 두고 지금 발행하거나 앞으로의 시각을 고르세요.");
  }
  if (article.status === "SUBMITTED" || !isLive(article)) {
    assertStateAllows(article, publishAt ? "schedule" : "approve", now);
    if (correctionType && correctionType !== "UPDATE") throw invalid("처음 승인하는 기사에는 정정·반론을 고르지 않습니다.");
    return publishAt ? scheduleSubmitted(actor, article, publishAt, now) : publishSubmitted(actor, article, now);
  }
  if (publishAt && !article.hasPendingUpdate) return rescheduleLoaded(actor, article, publishAt, now);
  assertStateAllows(article, "approveUpdate", now);
  if (publishAt) assertStateAllows(article, "reschedule", now);
  const visible = isPubliclyVisible(article, now);
  if (!visible) {
    if (correctionType && correctionType !== "UPDATE") throw invalid("아직 독자에게 공개되지 않은 기사라 정정·반론으로 표시하지 않습니다.");
    return approvePendingBeforePublication(actor, article, publishAt, now);
  }
  const type = correctionType ?? "UPDATE";
  if (type === "UPDATE" && correctionNote) throw invalid("수정은 독자에게 알리지 않으므로 설명을 받지 않습니다. 설명을 보이려면 정정이나 반론을 고르세요.");
  if (type !== "UPDATE" && !correctionNote) throw invalid("정정·반론에는 독자에게 보일 설명을 적어 주세요.", { fieldErrors: { correctionNote: "설명을 적어 주세요." } });
  await applyTransition({
    actor,
    article,
    kind: "APPROVE_UPDATE",
    to: "PUBLISHED",
    data: { lastCorrectedAt: now, hasPendingUpdate: false },
    now,
    note: correctionNote,
    correctionType: type,
    snapshot: { kind: "CORRECTION", makeLive: true },
    then: async (tx, { revisionId }) => {
      await tx.articleCorrection.create({ data: { articleId: id, type, note: correctionNote, revisionId, createdById: actor.id, createdAt: now } });
      await emitDomainEvent(tx, { type: "article.corrected", ...refs(article), correctionType: type });
      await audit(tx, actor, "article.correct", id, { revisionId, correctionType: type, correctionNote });
    },
  });
}

async function publishSubmitted(actor: StaffUser, article: Subject, now: Date) {
  await applyTransition({
    actor,
    article,
    kind: "PUBLISH",
    to: "PUBLISHED",
    data: { approvedAt: now, approvedById: actor.id, publishedAt: now, hasPendingUpdate: false, unpublishedAt: null },
    now,
    snapshot: { kind: "APPROVE", makeLive: true },
    then: async (tx, { revisionId }) => {
      await emitDomainEvent(tx, { type: "article.published", ...refs(article), publishedAt: now.toISOString() });
      await audit(tx, actor, "article.publish", article.id, { revisionId });
      await notifyAuthor(tx, { articleId: article.id, authorId: article.authorId, actorId: actor.id, kind: "PUBLISHED", notifyAt: now });
    },
  });
}

async function scheduleSubmitted(actor: StaffUser, article: Subject, publishAt: Date, now: Date) {
  await applyTransition({
    actor,
    article,
    kind: "SCHEDULE",
    to: "SCHEDULED",
    data: { approvedAt: now, approvedById: actor.id, publishedAt: publishAt, hasPendingUpdate: false, unpublishedAt: null },
    now,
    publishAt,
    snapshot: { kind: "APPROVE", makeLive: true },
    then: async (tx, { revisionId }) => {
      await emitDomainEvent(tx, { type: "article.scheduled", ...refs(article), publishAt: publishAt.toISOString() });
      await audit(tx, actor, "article.schedule", article.id, { revisionId, publishAt: publishAt.toISOString() });
      const when = `${formatKstDateTime(publishAt)} 발행 예정`;
      await notifyAuthor(tx, { articleId: article.id, authorId: article.authorId, actorId: actor.id, kind: "APPROVED", note: when, notifyAt: now });
      await notifyAuthor(tx, { articleId: article.id, authorId: article.authorId, actorId: actor.id, kind: "PUBLISHED", notifyAt: publishAt });
    },
  });
}

/** A scheduled story readers have not seen yet: its update goes live silently; the time stays or moves. */
async function approvePendingBeforePublication(actor: StaffUser, article: Subject, publishAt: Date | null, now: Date) {
  const at = publishAt ?? article.publishedAt;
  await applyTransition({
    actor,
    article,
    kind: "APPROVE_UPDATE",
    to: article.status,
    data: { approvedAt: now, approvedById: actor.id, hasPendingUpdate: false, ...(publishAt ? { publishedAt: publishAt } : {}) },
    now,
    publishAt,
    snapshot: { kind: "APPROVE", makeLive: true },
    then: async (tx, { revisionId }) => {
      if (at) await emitDomainEvent(tx, { type: "article.scheduled", ...refs(article), publishAt: at.toISOString() });
      await audit(tx, actor, publishAt ? "article.reschedule" : "article.approve-update", article.id, { revisionId, publishAt: publishAt?.toISOString() ?? null });
      if (publishAt) await moveUpcomingPublication(tx, article.id, now, publishAt);
    },
  });
}

async function rescheduleLoaded(actor: StaffUser, article: Subject, publishAt: Date, now: Date) {
  assertStateAllows(article, "reschedule", now);
  await applyTransition({
    actor,
    article,
    kind: "RESCHEDULE",
    to: "SCHEDULED",
    data: { publishedAt: publishAt },
    now,
    publishAt,
    then: async (tx) => {
      await emitDomainEvent(tx, { type: "article.scheduled", ...refs(article), publishAt: publishAt.toISOString() });
      await audit(tx, actor, "article.reschedule", article.id, { from: article.publishedAt?.toISOString() ?? null, publishAt: publishAt.toISOString() });
      await moveUpcomingPublication(tx, article.id, now, publishAt);
    },
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
  await applyTransition({
    actor,
    article,
    kind: "CANCEL_SCHEDULE",
    to: "SUBMITTED",
    // Readers never saw it: it is again a story waiting for approval, with no approved text.
    data: { liveRevisionId: null, approvedAt: null, approvedById: null, publishedAt: null, hasPendingUpdate: false, submittedAt: now },
    now,
    note,
    then: async (tx) => {
      await emitDomainEvent(tx, { type: "article.unscheduled", ...refs(article) });
      await audit(tx, actor, "article.cancel-schedule", id, { publishAt: article.publishedAt?.toISOString() ?? null, note });
      await moveUpcomingPublication(tx, id, now, null);
    },
  });
}

export async function unpublishArticle(actor: StaffUser, id: number, input: unknown, now = new Date()) {
  const article = await loadSubject(actor, id, "unpublish");
  const { reason } = parseInput(unpublishArticleSchema, input);
  assertStateAllows(article, "unpublish", now);
  await applyTransition({
    actor,
    article,
    kind: "UNPUBLISH",
    to: "UNPUBLISHED",
    data: { unpublishedAt: now },
    now,
    note: reason,
    then: async (tx) => {
      await emitDomainEvent(tx, { type: "article.unpublished", ...refs(article) });
      await audit(tx, actor, "article.unpublish", id, { reason });
      await moveUpcomingPublication(tx, id, now, null);
    },
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
  await applyTransition({
    actor,
    article,
    kind: "REPUBLISH",
    to: "PUBLISHED",
    data: { unpublishedAt: null, publishedAt },
    now,
    note: reason,
    then: async (tx) => {
      await emitDomainEvent(tx, { type: "article.republished", ...refs(article) });
      await audit(tx, actor, "article.republish", id, { reason });
    },
  });
}
