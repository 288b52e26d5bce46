// Not marked server-only: the job runner in server/ runs it, outside Next.js's bundle.
// Delivering one story's waiting transmissions to one destination, oldest first, so a destination
// always gets new -> update -> delete in that order. Run by the `portal.deliver` job (one waiting
// per pair), in any instance:
// - a transmission is claimed by a conditional update (PENDING -> SENDING, or a claim that
//   expired): two instances never send it at once;
// - a transmission that must not go any more (the story is no longer public) is cancelled;
// - the destination's rate limit is shared by every instance (rate-limit.ts);
// - a failure is retried after a wait that doubles each time; after PORTAL_MAX_ATTEMPTS failures
//   (or an answer that retrying cannot change, such as 400) it waits for the desk (DEAD), and the
//   story's later transmissions wait behind it;
// - an answer of 409 means the destination already has it (the idempotency key of a request
//   that reached it before a crash): sent.
// The request carries an idempotency key per (story, revision, action), so a request repeated
// after a crash mid-delivery is recognised by the receiver.
import { articlePath } from "@/lib/articles/public/article-url";
import { isPubliclyVisible } from "@/lib/articles/public/visibility";
import { serverEnv, siteBaseUrl } from "@/lib/config/env";
import type { Db } from "@/lib/db/client";
import type { PortalAction } from "@/lib/generated/prisma/enums";
import { logger } from "@/lib/observability/logger";
import { indexNowBody, ninjsForDeletion, ninjsForStory } from "@/lib/portal/ninjs";
import { OutboundFailure, postToDestination, type OutboundAnswer } from "@/lib/portal/outbound-request";
import { REASONS } from "@/lib/portal/planning";
import { enqueueDeliveryNow } from "@/lib/portal/portal-queue";
import { SIGNATURE_HEADER, signatureHeader } from "@/lib/portal/push-signature";
import { takeRateSlot } from "@/lib/portal/rate-limit";
import { loadTransmittedStory } from "@/lib/portal/transmitted-story";

export interface DeliverySettings {
  maxAttempts: number;
  retryBaseMs: number;
  timeoutMs: number;
  allowPrivate: boolean;
}

export function deliverySettingsFromEnv(): DeliverySettings {
  const env = serverEnv();
  return {
    maxAttempts: env.PORTAL_MAX_ATTEMPTS,
    retryBaseMs: env.PORTAL_RETRY_BASE_SECONDS * 1000,
    timeoutMs: env.PORTAL_REQUEST_TIMEOUT_SECONDS * 1000,
    allowPrivate: env.PORTAL_ALLOW_PRIVATE_ADDRESSES === "1",
  };
}

const MAX_WAIT_MS = 60 * 60_000;
/** Transmissions delivered per job run before it makes way for other stories. */
const PER_RUN = 20;

function retryDelayMs(failures: number, baseMs: number): number {
  return Math.min(baseMs * 2 ** Math.max(0, failures - 1), MAX_WAIT_MS);
}

function idempotencyKey(articleId: number, revisionNumber: number | null, action: PortalAction): string {
  return `article-${articleId}-rev-${revisionNumber ?? 0}-${action.toLowerCase()}`;
}

type Verdict = { kind: "sent"; note: string | null } | { kind: "retry"; error: string } | { kind: "dead"; error: string };

function verdictOf(answer: OutboundAnswer): Verdict {
  if (answer.status >= 200 && answer.status < 300) return { kind: "sent", note: null };
  if (answer.status === 409) return { kind: "sent", note: "수신처가 이미 받은 송고라고 답했습니다 (409)." };
  const said = `수신처 응답 HTTP ${answer.status}${answer.body ? `: ${answer.body.slice(0, 300)}` : ""}`;
  if (answer.status === 408 || answer.status === 425 || answer.status === 429 || answer.status >= 500) return { kind: "retry", error: said };
  // 400, 401, 403, 404, 422 ...: the same request would be refused again.
  return { kind: "dead", error: `${said} (다시 보내도 같은 답일 요청이라 멈췄습니다)` };
}

interface Destination {
  id: number;
  kind: "PUSH" | "PULL" | "INDEXNOW";
  endpoint: string;
  secret: string;
  allowWirePhotos: boolean;
  active: boolean;
  ratePerMinute: number;
}

interface Claimed {
  id: bigint;
  articleId: number;
  revisionId: string | null;
  revisionNumber: number | null;
  action: PortalAction;
  category: string | null;
  attempts: number;
}

/** The request for one transmission, or null when it must not go (its revision is gone). */
async function buildRequest(client: Db, destination: Destination, row: Claimed, now: Date): Promise<{ body: string; headers: Record<string, string> } | null> {
  if (!row.revisionId) return null;
  const site = { siteUrl: siteBaseUrl(), siteName: serverEnv().SITE_NAME };
  if (destination.kind === "INDEXNOW") {
    const story = await client.article.findUnique({ where: { id: row.articleId }, select: { id: true, slug: true } });
    if (!story) return null;
    const body = JSON.stringify(indexNowBody(site.siteUrl, destination.secret, [`${site.siteUrl}${articlePath(story)}`]));
    return { body, headers: { "content-type": "application/json; charset=utf-8" } };
  }
  const context = { ...site, action: row.action, category: row.category, at: now };
  let document: Record<string, unknown>;
  if (row.action === "DELETE") {
    const revision = await client.articleRevision.findUnique({ where: { id: row.revisionId }, select: { headline: true } });
    if (!revision) return null;
    document = ninjsForDeletion(row.articleId, revision.headline, row.revisionNumber, context);
  } else {
    const story = await loadTransmittedStory(client, row.revisionId, { allowWirePhotos: destination.allowWirePhotos });
    if (!story) return null;
    document = ninjsForStory(story, context);
  }
  const body = JSON.stringify(document);
  return {
    body,
    headers: {
      "content-type": "application/json; charset=utf-8",
      "idempotency-key": idempotencyKey(row.articleId, row.revisionNumber, row.action),
      "x-newsroom-action": row.action.toLowerCase(),
      [SIGNATURE_HEADER]: signatureHeader(destination.secret, body, now),
      // Header values are Latin-1: the site's (Korean) name stays out, its address says who we are.
      "user-agent": `NewsroomPortal/1.0 (+${site.siteUrl})`,
    },
  };
}

/** Delivers what waits for (destination, article), in order; puts itself back on the queue for what must wait. */
export async function deliverWaiting(client: Db, destinationId: number, articleId: number, settings: DeliverySettings, clock: () => Date = () => new Date()): Promise<void> {
  for (let delivered = 0; delivered < PER_RUN; delivered += 1) {
    const now = clock();
    const destination = await client.portalDestination.findUnique({
      where: { id: destinationId },
      select: { id: true, kind: true, endpoint: true, secret: true, allowWirePhotos: true, active: true, ratePerMinute: true },
    });
    // Switched off: what waits stays waiting and goes when it is switched back on. Pull: the feed is the delivery.
    if (!destination?.active || destination.kind === "PULL") return;
    const head = await client.portalTransmission.findFirst({
      where: { destinationId, articleId, status: { in: ["PENDING", "SENDING", "DEAD"] } },
      orderBy: { id: "asc" },
      select: { id: true, status: true, nextAttemptAt: true, claimedUntil: true },
    });
    // Nothing waits, or the oldest waits for the desk: what follows it must not overtake it.
    if (!head || head.status === "DEAD") return;
    const busyUntil = head.status === "SENDING" ? head.claimedUntil : head.nextAttemptAt;
    if (busyUntil && busyUntil > now) return enqueueDeliveryNow(client, destinationId, articleId, busyUntil);

    const claimedUntil = new Date(now.getTime() + settings.timeoutMs + 30_000);
    const claim = await client.portalTransmission.updateMany({
      where: { id: head.id, OR: [{ status: "PENDING" }, { status: "SENDING", claimedUntil: { lt: now } }] },
      data: { status: "SENDING", claimedUntil },
    });
    if (claim.count === 0) return enqueueDeliveryNow(client, destinationId, articleId, claimedUntil);
    const row = await client.portalTransmission.findUniqueOrThrow({
      where: { id: head.id },
      select: { id: true, articleId: true, revisionId: true, revisionNumber: true, action: true, category: true, attempts: true, article: { select: { status: true, liveRevisionId: true, publishedAt: true } } },
    });
    const mine = { id: row.id, status: "SENDING" as const, claimedUntil };

    if (row.action !== "DELETE" && !isPubliclyVisible(row.article, now)) {
      await client.portalTransmission.updateMany({ where: mine, data: { status: "CANCELLED", reason: REASONS.notPublic, claimedUntil: null } });
      continue;
    }
    const retryAt = await takeRateSlot(client, destinationId, destination.ratePerMinute, now);
    if (retryAt) {
      await client.portalTransmission.updateMany({ where: mine, data: { status: "PENDING", claimedUntil: null, nextAttemptAt: retryAt } });
      return enqueueDeliveryNow(client, destinationId, articleId, retryAt);
    }
    const request = await buildRequest(client, destination, row, now);
    if (!request) {
      await client.portalTransmission.updateMany({ where: mine, data: { status: "CANCELLED", reason: "보낼 판이 없어졌습니다.", claimedUntil: null } });
      continue;
    }

    let verdict: Verdict;
    let responseStatus: number | null = null;
    try {
      const answer = await postToDestination(destination.endpoint, request.body, request.headers, { timeoutMs: settings.timeoutMs, allowPrivate: settings.allowPrivate });
      responseStatus = answer.status;
      verdict = verdictOf(answer);
    } catch (error) {
      if (!(error instanceof OutboundFailure)) throw error;
      verdict = { kind: "retry", error: error.message };
    }
    const attempts = row.attempts + 1;
    const done = clock();
    if (verdict.kind === "sent") {
      await client.portalTransmission.updateMany({ where: mine, data: { status: "SENT", sentAt: done, attempts, responseStatus, claimedUntil: null, nextAttemptAt: null, lastError: null, reason: verdict.note } });
      continue;
    }
    const dead = verdict.kind === "dead" || attempts >= settings.maxAttempts;
    const nextAttemptAt = dead ? null : new Date(done.getTime() + retryDelayMs(attempts, settings.retryBaseMs));
    await client.portalTransmission.updateMany({
      where: mine,
      data: {
        status: dead ? "DEAD" : "PENDING",
        attempts,
        responseStatus,
        claimedUntil: null,
        nextAttemptAt,
        lastError: verdict.error.slice(0, 1_000),
        reason: dead ? `${attempts}번 시도했지만 보내지 못해 멈췄습니다. 원인을 확인한 뒤 '다시 보내기'를 누르세요.` : null,
      },
    });
    logger().warn({ destinationId, articleId, transmissionId: String(row.id), attempts, dead, responseStatus, error: verdict.error }, "portal transmission failed");
    if (nextAttemptAt) return enqueueDeliveryNow(client, destinationId, articleId, nextAttemptAt);
    return;
  }
  await enqueueDeliveryNow(client, destinationId, articleId);
}
