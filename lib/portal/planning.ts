// Deciding what goes where, inside the transaction of the change that causes it (the workflow's
// events, through portal-consumer.ts), or of the job that runs when a scheduled story's time
// comes. Each decision is a PortalTransmission row: PENDING (a job is enqueued in the same
// transaction to deliver it), SENT at once for a pull destination (its feed shows it), HELD,
// CANCELLED or REFUSED with the reason in Korean for the desk. A revision gets one row per
// destination at most (the table's unique key), however often or wherever this runs.
// Not marked server-only: run by event consumers, which start-up scripts and the seed reach too.
import { josa } from "es-hangul";
import { isPubliclyVisible } from "@/lib/articles/public/visibility";
import type { DbTransaction } from "@/lib/db/client";
import type { PortalAction, PortalDestinationKind, PortalTransmissionStatus } from "@/lib/generated/prisma/enums";
import { enqueueDelivery } from "@/lib/portal/portal-queue";
import { measureRewrite, rewriteRefusal } from "@/lib/portal/rewrite-measure";
import { NOT_YET_SENT, revisionAlreadyRecorded, storyAtDestination, type TransmissionRecord } from "@/lib/portal/story-at-destination";

export const REASONS = {
  held: "데스크가 이 송고처로는 보류했습니다.",
  deletedThere: "게재 중단으로 이 송고처에 이미 삭제를 보낸 기사입니다. 같은 기사를 다시 보내면 중복 전송이 되므로 보내지 않았습니다. 필요하면 새 기사로 발행하세요.",
  unpublished: "게재를 중단해 보내지 않았습니다.",
  republished: "다시 게재되어 삭제를 보내지 않았습니다.",
  notPublic: "독자에게 공개되지 않은 기사라 보내지 않았습니다.",
  noCategory: (section: string | null) =>
    section ? `섹션 '${section}'${josa.pick(section, "이/가")} 이 송고처의 등록 카테고리에 연결되어 있지 않아 보내지 않았습니다.` : "섹션이 없는 기사라 이 송고처의 등록 카테고리에 맞지 않아 보내지 않았습니다.",
};

interface DestinationForPlan {
  id: number;
  kind: PortalDestinationKind;
  categories: { sectionId: number; category: string }[];
}

/** Pull destinations take a transmission the moment it is recorded: their feed shows it. */
const readyStatus = (kind: PortalDestinationKind): PortalTransmissionStatus => (kind === "PULL" ? "SENT" : "PENDING");

async function historyOf(tx: DbTransaction, destinationId: number, articleId: number): Promise<TransmissionRecord[]> {
  return tx.portalTransmission.findMany({ where: { destinationId, articleId }, orderBy: { id: "asc" }, select: { id: true, action: true, status: true, revisionId: true } });
}

interface NewRow {
  destination: DestinationForPlan;
  articleId: number;
  revisionId: string;
  revisionNumber: number;
  action: PortalAction;
  status: PortalTransmissionStatus;
  reason?: string | null;
  category?: string | null;
  correction?: { type: "CORRECTION" | "REPLY" | "UPDATE"; note: string } | null;
  requestedById?: string | null;
  now: Date;
}

/** Writes the row (once: a second writer of the same revision and action finds it there) and enqueues its delivery. */
async function record(tx: DbTransaction, row: NewRow): Promise<void> {
  const { count } = await tx.portalTransmission.createMany({
    data: [
      {
        destinationId: row.destination.id,
        articleId: row.articleId,
        revisionId: row.revisionId,
        revisionNumber: row.revisionNumber,
        action: row.action,
        status: row.status,
        reason: row.reason ?? null,
        category: row.category ?? null,
        correctionType: row.correction && row.correction.type !== "UPDATE" ? row.correction.type : null,
        correctionNote: row.correction && row.correction.type !== "UPDATE" ? row.correction.note : null,
        requestedById: row.requestedById ?? null,
        sentAt: row.status === "SENT" ? row.now : null,
      },
    ],
    skipDuplicates: true,
  });
  if (count > 0 && row.status === "PENDING") await enqueueDelivery(tx, row.destination.id, row.articleId);
}

export interface PlanOptions {
  /** Only these destinations (the desk's "send"); default: every active one. */
  destinationIds?: number[];
  requestedById?: string;
  /** Ignore the desk's hold (the desk's own "send"). */
  ignoreHold?: boolean;
}

/**
 * The story's live revision, to every destination that should get it, if readers may see the story
 * now: a new story, or an update under the same id (with its 정정/반론 note), or a refusal saying
 * why not (no category for its section, a rewrite, deleted there already, held).
 */
export async function planLiveRevision(tx: DbTransaction, articleId: number, now: Date, options: PlanOptions = {}): Promise<void> {
  const article = await tx.article.findUnique({
    where: { id: articleId },
    select: {
      status: true,
      liveRevisionId: true,
      publishedAt: true,
      liveRevision: { select: { id: true, number: true, headline: true, bodyText: true, sectionId: true, section: { select: { name: true } }, corrections: { select: { type: true, note: true }, take: 1, orderBy: { createdAt: "desc" } } } },
      portalHolds: { select: { destinationId: true } },
    },
  });
  // Drafts, stories at the desk, stories scheduled for later and unpublished ones: never, whatever the timing.
  if (!article?.liveRevision || !isPubliclyVisible(article, now)) return;
  const live = article.liveRevision;
  const held = new Set(article.portalHolds.map((hold) => hold.destinationId));
  const destinations = await tx.portalDestination.findMany({
    where: options.destinationIds ? { id: { in: options.destinationIds } } : { active: true },
    select: { id: true, kind: true, categories: { select: { sectionId: true, category: true } } },
    orderBy: { id: "asc" },
  });
  for (const destination of destinations) {
    const history = await historyOf(tx, destination.id, articleId);
    if (revisionAlreadyRecorded(history, live.id)) continue;
    const state = storyAtDestination(history);
    const action: PortalAction = state.has ? "UPDATE" : "NEW";
    const base = { destination, articleId, revisionId: live.id, revisionNumber: live.number, action, now, requestedById: options.requestedById };
    if (state.deleted) {
      await record(tx, { ...base, action: "UPDATE", status: "REFUSED", reason: REASONS.deletedThere });
      continue;
    }
    const category = destination.categories.find((entry) => entry.sectionId === live.sectionId)?.category;
    if (!category) {
      await record(tx, { ...base, status: "REFUSED", reason: REASONS.noCategory(live.section?.name ?? null) });
      continue;
    }
    if (action === "UPDATE" && state.firstRevisionId) {
      const first = await tx.articleRevision.findUnique({ where: { id: state.firstRevisionId }, select: { headline: true, bodyText: true } });
      const measure = first ? measureRewrite(first, live) : null;
      if (measure?.isRewrite) {
        await record(tx, { ...base, status: "REFUSED", category, reason: rewriteRefusal(measure) });
        continue;
      }
    }
    const hold = held.has(destination.id) && !options.ignoreHold;
    await record(tx, { ...base, category, correction: live.corrections[0] ?? null, status: hold ? "HELD" : readyStatus(destination.kind), reason: hold ? REASONS.held : null });
  }
}

/**
 * The story left the site: what never went out to a destination is called off, and every
 * destination that got any of it is sent a deletion under the same id (even one switched off
 * since: it goes when the destination is switched back on). A deletion ignores holds.
 */
export async function planDeletion(tx: DbTransaction, articleId: number, now: Date): Promise<void> {
  const article = await tx.article.findUnique({ where: { id: articleId }, select: { liveRevisionId: true, liveRevision: { select: { number: true } } } });
  if (!article?.liveRevisionId) return;
  const destinationIds = (await tx.portalTransmission.findMany({ where: { articleId }, distinct: ["destinationId"], select: { destinationId: true } })).map((row) => row.destinationId);
  for (const destinationId of destinationIds) {
    await tx.portalTransmission.updateMany({
      where: { destinationId, articleId, action: { not: "DELETE" }, status: { in: NOT_YET_SENT } },
      data: { status: "CANCELLED", reason: REASONS.unpublished, nextAttemptAt: null },
    });
    const state = storyAtDestination(await historyOf(tx, destinationId, articleId));
    if (!state.delivered || state.deleted) continue;
    const destination = await tx.portalDestination.findUniqueOrThrow({ where: { id: destinationId }, select: { id: true, kind: true } });
    const status = readyStatus(destination.kind);
    // A deletion of this revision called off before (unpublished, put back, unpublished again)
    // makes way for this one, which must come after everything sent since.
    await tx.portalTransmission.deleteMany({ where: { destinationId, revisionId: article.liveRevisionId, action: "DELETE", status: "CANCELLED" } });
    await record(tx, { destination: { ...destination, categories: [] }, articleId, revisionId: article.liveRevisionId, revisionNumber: article.liveRevision?.number ?? 0, action: "DELETE", status, now });
  }
}

/** The story is back on the site: a deletion not yet delivered is called off (the destination still has the story). */
export async function cancelUndeliveredDeletions(tx: DbTransaction, articleId: number): Promise<void> {
  await tx.portalTransmission.updateMany({
    where: { articleId, action: "DELETE", status: { in: NOT_YET_SENT } },
    data: { status: "CANCELLED", reason: REASONS.republished, nextAttemptAt: null },
  });
}
