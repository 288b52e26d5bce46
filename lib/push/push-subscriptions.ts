import "server-only";
// Readers' browsers that accept the paper's notifications. A browser sends its push service's
// endpoint, its keys and the topics its reader chose; sending again replaces the topics (the
// endpoint is the browser's identity, and knowing it is what entitles one to change or end it).
// Nothing personal is kept: no address, no cookie, only what the push service needs.
// Sign-ups are limited per source like the e-mail sign-ups (lib/subscriptions/subscriptions.ts).
// Moving a subscription's topics to the one that replaced it asks more: the old one's auth secret.
import { timingSafeEqual } from "node:crypto";
import { serverEnv } from "@/lib/config/env";
import type { CommentVisitor } from "@/lib/comments/comment-source";
import { db } from "@/lib/db";
import { invalid, notFound } from "@/lib/errors";
import { endpointRefusal } from "@/lib/portal/address-policy";
import { pushResubscribeSchema, pushSubscribeSchema, pushUnsubscribeSchema } from "@/lib/push/push-input";
import { topicTarget, type PushTopic } from "@/lib/push/push-topics";
import { vapidIdentity } from "@/lib/push/vapid";
import { hasPublicStories } from "@/lib/reporters/public-reporter";
import { assertSignupAllowed, type SignupLimits } from "@/lib/subscriptions/subscriptions";
import { parseInput } from "@/lib/validation";

/** A reader changing topics now and then stays far below these; a script signing up browsers does not. */
const PUSH_SIGNUP_LIMITS: SignupLimits = {
  channel: "push:",
  perSource: 20,
  perNetwork: 60,
  refusal: (minutes) => `알림 설정을 너무 자주 바꿨습니다. ${minutes}분 뒤에 다시 시도하세요.`,
};

const NOT_OFFERED = "이 사이트는 아직 알림을 보내지 않습니다.";

/** Push is set up, and the newsroom may send requests to this address: never to its own network (SSRF). */
function assertPushEndpointUsable(endpoint: string): void {
  if (!vapidIdentity()) throw invalid(NOT_OFFERED);
  if (endpointRefusal(endpoint, serverEnv().WEB_PUSH_ALLOW_PRIVATE_ADDRESSES === "1")) throw invalid("브라우저의 알림 주소를 쓸 수 없습니다. 다른 브라우저로 시도해 주세요.");
}

/** Every topic names something readers can see now: 속보, an active section, a reporter with a public page. */
async function assertTopicsExist(topics: PushTopic[], now: Date): Promise<void> {
  const sectionIds: number[] = [];
  const reporterNumbers: number[] = [];
  for (const topic of topics) {
    const target = topicTarget(topic);
    if (target.kind === "section") sectionIds.push(target.id);
    if (target.kind === "reporter") reporterNumbers.push(target.id);
  }
  const [sections, reporters] = await Promise.all([
    sectionIds.length ? db.section.count({ where: { id: { in: sectionIds }, active: true } }) : 0,
    reporterNumbers.length ? db.user.count({ where: { reporterNumber: { in: reporterNumbers }, ...hasPublicStories(now) } }) : 0,
  ]);
  if (sections !== new Set(sectionIds).size) throw notFound("알림을 받을 섹션을 찾을 수 없습니다.");
  if (reporters !== new Set(reporterNumbers).size) throw notFound("알림을 받을 기자를 찾을 수 없습니다.");
}

/** A browser starts notifications, or changes its topics. */
export async function subscribeToPush(input: unknown, visitor: CommentVisitor, now = new Date()): Promise<{ message: string; topics: PushTopic[] }> {
  const { subscription, topics: chosen } = parseInput(pushSubscribeSchema, input);
  assertPushEndpointUsable(subscription.endpoint);
  const topics = [...new Set(chosen)];
  await assertTopicsExist(topics, now);
  const keys = { p256dh: subscription.keys.p256dh, auth: subscription.keys.auth };
  await db.$transaction(async (tx) => {
    await assertSignupAllowed(tx, visitor, now, PUSH_SIGNUP_LIMITS);
    await tx.pushSubscription.upsert({
      where: { endpoint: subscription.endpoint },
      create: { endpoint: subscription.endpoint, ...keys, topics, createdAt: now },
      // New keys mean the browser subscribed anew: its failures are forgotten.
      update: { ...keys, topics, failures: 0 },
    });
  });
  return { message: "알림을 켰습니다. 고른 주제의 새 소식을 이 브라우저로 알려 드립니다.", topics };
}

/** A browser ends its notifications: its row is deleted. Answers the same whether it was there or not. */
export async function unsubscribeFromPush(input: unknown): Promise<{ message: string }> {
  const { endpoint } = parseInput(pushUnsubscribeSchema, input);
  await db.pushSubscription.deleteMany({ where: { endpoint } });
  return { message: "알림을 껐습니다. 이 브라우저로는 더 알림을 보내지 않습니다." };
}

const PREVIOUS_NOT_FOUND = "이전 알림 구독을 찾을 수 없습니다. 알림 받기를 다시 눌러 주세요.";

/** The stored auth secret is the one the caller sent (both base64url of 16 bytes), compared in constant time. */
function sameSecret(stored: string, given: string): boolean {
  const [a, b] = [Buffer.from(stored, "base64url"), Buffer.from(given, "base64url")];
  return a.length === b.length && timingSafeEqual(a, b);
}

/**
 * The browser's push service replaced its subscription (pushsubscriptionchange in
 * public/push-sw.js): the old one's topics move to the new one, and the old one is gone. Only a
 * caller who sends the old subscription's auth secret may move it: the endpoint alone passes
 * through push services and logs, the secret stays in the browser. The row keeps its id, so a
 * story already pushed to this browser is not pushed to it again. Counted against the same
 * per-source limit as a sign-up, whether the proof holds or not.
 */
export async function moveToNewSubscription(input: unknown, visitor: CommentVisitor, now = new Date()): Promise<{ message: string; topics: PushTopic[] }> {
  const { previous, subscription } = parseInput(pushResubscribeSchema, input);
  assertPushEndpointUsable(subscription.endpoint);
  await db.$transaction((tx) => assertSignupAllowed(tx, visitor, now, PUSH_SIGNUP_LIMITS));
  const keys = { p256dh: subscription.keys.p256dh, auth: subscription.keys.auth };
  const topics = await db.$transaction(async (tx) => {
    // Locked: two moves of one subscription (the event can fire twice) go one after the other.
    const [old] = await tx.$queryRaw<{ id: string; auth: string; topics: string[] }[]>`
      SELECT "id", "auth", "topics" FROM "PushSubscription" WHERE "endpoint" = ${previous.endpoint} FOR UPDATE`;
    if (!old || !sameSecret(old.auth, previous.auth)) throw notFound(PREVIOUS_NOT_FOUND);
    const current = previous.endpoint === subscription.endpoint ? null : await tx.pushSubscription.findUnique({ where: { endpoint: subscription.endpoint } });
    if (!current) {
      await tx.pushSubscription.update({ where: { id: old.id }, data: { endpoint: subscription.endpoint, ...keys, failures: 0 } });
      return old.topics;
    }
    // The page subscribed the new one already (the reader pressed 알림 받기 meanwhile): its topics and the old ones together.
    const merged = [...new Set([...current.topics, ...old.topics])];
    await tx.pushSubscription.delete({ where: { id: old.id } });
    await tx.pushSubscription.update({ where: { id: current.id }, data: { ...keys, topics: merged, failures: 0 } });
    return merged;
  });
  return { message: "새 알림 구독으로 옮겼습니다.", topics: topics as PushTopic[] };
}
