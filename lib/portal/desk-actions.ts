import "server-only";
// What the desk does with a story at one destination: send it (one it was not sent to, or one a
// rule refused and the cause is fixed), resend a transmission that failed, hold it, release it.
// The rules still hold: a revision already sent or on its way is not sent again, a story readers
// cannot see is not sent, a rewrite is still refused. Each action is on the security log.
import { josa } from "es-hangul";
import { isPubliclyVisible } from "@/lib/articles/public/visibility";
import type { StaffUser } from "@/lib/auth/staff-user";
import { assertCan } from "@/lib/auth/permissions";
import { db } from "@/lib/db";
import type { DbTransaction } from "@/lib/db/client";
import { conflict, notFound } from "@/lib/errors";
import { emitDomainEvent } from "@/lib/events/domain-events";
import { REASONS, planLiveRevision } from "@/lib/portal/planning";
import { enqueueDelivery } from "@/lib/portal/portal-queue";

type DeskAction = "send" | "resend" | "hold" | "release";

async function announce(tx: DbTransaction, actor: StaffUser, action: DeskAction, articleId: number, destinationId: number, transmissionId: bigint | null) {
  await emitDomainEvent(tx, { type: "portal.desk-action", action, articleId, destinationId, actorId: actor.id, transmissionId: transmissionId === null ? null : String(transmissionId) });
}

/** Locks the story's row for the action (a workflow change to it waits, and vice versa). */
async function lockedStory(tx: DbTransaction, articleId: number) {
  await tx.$queryRaw`SELECT 1 FROM "Article" WHERE "id" = ${articleId} FOR UPDATE`;
  const article = await tx.article.findUnique({ where: { id: articleId }, select: { id: true, status: true, liveRevisionId: true, publishedAt: true } });
  if (!article) throw notFound("기사를 찾을 수 없습니다.");
  return article;
}

async function destinationOrThrow(tx: DbTransaction, destinationId: number) {
  const destination = await tx.portalDestination.findUnique({ where: { id: destinationId }, select: { id: true, active: true, name: true } });
  if (!destination) throw notFound("송고처를 찾을 수 없습니다.");
  return destination;
}

/** Sends the story's live revision to one destination now (releasing a hold on it there). */
export async function sendStoryToDestination(actor: StaffUser, articleId: number, destinationId: number, now = new Date()): Promise<string> {
  assertCan(actor, "portal.send");
  return db.$transaction(async (tx) => {
    const article = await lockedStory(tx, articleId);
    const destination = await destinationOrThrow(tx, destinationId);
    if (!destination.active) throw conflict(`'${destination.name}'${josa.pick(destination.name, "은/는")} 사용하지 않는 송고처입니다. 관리자가 다시 켜야 보낼 수 있습니다.`);
    if (!article.liveRevisionId || !isPubliclyVisible(article, now)) throw conflict("독자에게 공개된 기사만 보낼 수 있습니다. 발행된 뒤에 보내세요.");
    await tx.portalHold.deleteMany({ where: { articleId, destinationId } });
    const existing = await tx.portalTransmission.findFirst({ where: { destinationId, revisionId: article.liveRevisionId, action: { not: "DELETE" } }, select: { id: true, status: true } });
    if (existing && ["SENT", "SENDING", "PENDING"].includes(existing.status)) {
      throw conflict("이 판은 이미 이 송고처로 보냈거나 보내는 중입니다. 같은 판을 두 번 보내지 않습니다 (중복 전송).");
    }
    if (existing?.status === "DEAD") throw conflict("이 판은 보내다 멈춘 상태입니다. 송고 기록에서 '다시 보내기'를 누르세요.");
    // A refusal, hold or cancellation of this revision is decided again, now.
    if (existing) await tx.portalTransmission.delete({ where: { id: existing.id } });
    await planLiveRevision(tx, articleId, now, { destinationIds: [destinationId], requestedById: actor.id, ignoreHold: true });
    const planned = await tx.portalTransmission.findFirst({ where: { destinationId, revisionId: article.liveRevisionId, action: { not: "DELETE" } }, select: { id: true, status: true, reason: true } });
    if (!planned) throw conflict("보낼 수 없는 기사입니다.");
    if (planned.status === "REFUSED") throw conflict(planned.reason ?? "규칙에 따라 보낼 수 없습니다.");
    await announce(tx, actor, "send", articleId, destinationId, planned.id);
    return planned.status === "SENT" ? `'${destination.name}' 피드에 올렸습니다.` : `'${destination.name}'${josa.pick(destination.name, "으로/로")} 보내기 시작했습니다.`;
  });
}

/** Tries a transmission that stopped (dead letter) or waits for its next try again, now. */
export async function resendTransmission(actor: StaffUser, transmissionId: bigint, now = new Date()): Promise<string> {
  assertCan(actor, "portal.send");
  return db.$transaction(async (tx) => {
    const row = await tx.portalTransmission.findUnique({ where: { id: transmissionId }, select: { id: true, articleId: true, destinationId: true, status: true, action: true } });
    if (!row) throw notFound("송고 기록을 찾을 수 없습니다.");
    const article = await lockedStory(tx, row.articleId);
    if (row.status === "SENT") throw conflict("이미 송고된 판입니다. 같은 판을 다시 보내면 중복 전송이 되어 보내지 않습니다.");
    if (row.status === "SENDING") throw conflict("지금 보내는 중입니다. 잠시 뒤 결과를 확인하세요.");
    if (row.status !== "DEAD" && row.status !== "PENDING") throw conflict("보내다 멈춘 송고만 다시 보낼 수 있습니다. 보류·거절된 기사는 '보내기'를 쓰세요.");
    if (row.action !== "DELETE" && !isPubliclyVisible(article, now)) throw conflict(REASONS.notPublic);
    await tx.portalTransmission.update({ where: { id: row.id }, data: { status: "PENDING", attempts: 0, nextAttemptAt: null, reason: null, requestedById: actor.id } });
    await enqueueDelivery(tx, row.destinationId, row.articleId);
    await announce(tx, actor, "resend", row.articleId, row.destinationId, row.id);
    return "다시 보내기 시작했습니다.";
  });
}

/** Holds the story for one destination: what waits is held, and nothing new goes there until released. */
export async function holdStoryForDestination(actor: StaffUser, articleId: number, destinationId: number): Promise<string> {
  assertCan(actor, "portal.send");
  return db.$transaction(async (tx) => {
    await lockedStory(tx, articleId);
    const destination = await destinationOrThrow(tx, destinationId);
    const { count } = await tx.portalHold.createMany({ data: [{ articleId, destinationId, heldById: actor.id }], skipDuplicates: true });
    if (count === 0) throw conflict("이미 이 송고처로는 보류한 기사입니다.");
    await tx.portalTransmission.updateMany({ where: { articleId, destinationId, action: { not: "DELETE" }, status: { in: ["PENDING", "DEAD"] } }, data: { status: "HELD", reason: REASONS.held, nextAttemptAt: null } });
    await announce(tx, actor, "hold", articleId, destinationId, null);
    return `'${destination.name}'${josa.pick(destination.name, "으로/로")}는 보류했습니다.`;
  });
}

/** Lifts a hold: what it held goes out (if readers may still see the story). */
export async function releaseStoryForDestination(actor: StaffUser, articleId: number, destinationId: number, now = new Date()): Promise<string> {
  assertCan(actor, "portal.send");
  return db.$transaction(async (tx) => {
    const article = await lockedStory(tx, articleId);
    const destination = await destinationOrThrow(tx, destinationId);
    const { count } = await tx.portalHold.deleteMany({ where: { articleId, destinationId } });
    if (count === 0) throw conflict("보류하지 않은 기사입니다.");
    const visible = isPubliclyVisible(article, now);
    const held = await tx.portalTransmission.findMany({ where: { articleId, destinationId, status: "HELD" }, select: { id: true } });
    const kind = (await tx.portalDestination.findUniqueOrThrow({ where: { id: destinationId }, select: { kind: true } })).kind;
    const status = !visible ? "CANCELLED" : kind === "PULL" ? "SENT" : "PENDING";
    await tx.portalTransmission.updateMany({
      where: { id: { in: held.map((row) => row.id) } },
      data: { status, reason: visible ? null : REASONS.notPublic, sentAt: status === "SENT" ? now : null, requestedById: actor.id },
    });
    if (status === "PENDING" && held.length > 0) await enqueueDelivery(tx, destinationId, articleId);
    await announce(tx, actor, "release", articleId, destinationId, null);
    return held.length > 0 && visible ? `보류를 풀었습니다. '${destination.name}'${josa.pick(destination.name, "으로/로")} 보냅니다.` : "보류를 풀었습니다.";
  });
}
