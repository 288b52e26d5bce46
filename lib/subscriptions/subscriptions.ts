import "server-only";
// Readers' e-mail subscriptions (the morning digest, following a reporter) with double opt-in:
// a request creates a pending subscription and queues its confirmation mail; nothing else is
// sent until the reader confirms from that mail. Every answer to a request is the same, whether
// the address was new, pending or already subscribed, so the form tells no one who subscribes.
// An unsubscribe deletes the row, and with the last row the address is gone from the database.
import { randomBytes } from "node:crypto";
import { assertCan } from "@/lib/auth/permissions";
import type { StaffUser } from "@/lib/auth/staff-user";
import type { CommentVisitor } from "@/lib/comments/comment-source";
import { db } from "@/lib/db";
import type { DbTransaction } from "@/lib/db/client";
import { DomainError, notFound } from "@/lib/errors";
import { enqueueJob } from "@/lib/jobs/enqueue-job";
import { hasPublicStories } from "@/lib/reporters/public-reporter";
import { MAIL_MAX_ATTEMPTS } from "@/lib/subscriptions/mail-queue";
import { subscribeInputSchema, subscriptionTokenSchema } from "@/lib/subscriptions/subscription-input";
import { parseInput } from "@/lib/validation";

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
/** A confirmation link works this long; older pending requests are deleted. */
export const CONFIRMATION_VALID_MS = 48 * HOUR;
/** A new request for the same address and topic within this time queues no second mail (no mail bombing by form). */
const RESEND_AFTER_MS = 10 * MINUTE;
/** Sign-up requests per hour from one source, and from its wider network (IPv6 /48). */
export const SIGNUPS_PER_HOUR = 5;
const SIGNUPS_PER_HOUR_PER_NETWORK = 20;

// Its own advisory-lock namespace (two-key form), so sign-ups never wait on other features' locks.
const SIGNUP_LOCK_NAMESPACE = 23_001;

const SUBSCRIBE_ANSWER = "확인 메일을 보냈습니다. 메일의 '구독 확인'을 누르면 구독이 시작됩니다. 메일이 없으면 스팸함도 확인해 주세요.";

const newToken = () => randomBytes(32).toString("base64url");

/** How many sign-ups a source and its wider network may make in an hour, and the Korean refusal. */
export interface SignupLimits {
  /** Keeps one channel's counts apart from another's ("" for the mails, "push:" for notifications). */
  channel: string;
  perSource: number;
  perNetwork: number;
  refusal: (minutes: number) => string;
}

const MAIL_SIGNUP_LIMITS: SignupLimits = {
  channel: "",
  perSource: SIGNUPS_PER_HOUR,
  perNetwork: SIGNUPS_PER_HOUR_PER_NETWORK,
  refusal: (minutes) => `구독 신청이 너무 잦습니다. ${minutes}분 뒤에 다시 신청하세요.`,
};

/** Counts a reader's sign-up against `limits`, or refuses it (429 with Retry-After) when over. */
export async function assertSignupAllowed(tx: DbTransaction, visitor: CommentVisitor, now: Date, limits: SignupLimits = MAIL_SIGNUP_LIMITS): Promise<void> {
  const sourceKey = `${limits.channel}s:${visitor.source}`;
  const networkKey = `${limits.channel}n:${visitor.widerSource}`;
  await tx.$executeRaw`SELECT pg_advisory_xact_lock(${SIGNUP_LOCK_NAMESPACE}::int, hashtext(${networkKey}))`;
  const hourAgo = new Date(now.getTime() - HOUR);
  await tx.readerSignupAttempt.deleteMany({ where: { source: { in: [sourceKey, networkKey] }, createdAt: { lt: new Date(now.getTime() - 24 * HOUR) } } });
  const [fromSource, fromNetwork] = await Promise.all([
    tx.readerSignupAttempt.findMany({ where: { source: sourceKey, createdAt: { gte: hourAgo } }, select: { createdAt: true }, orderBy: { createdAt: "asc" } }),
    tx.readerSignupAttempt.findMany({ where: { source: networkKey, createdAt: { gte: hourAgo } }, select: { createdAt: true }, orderBy: { createdAt: "asc" } }),
  ]);
  const over = fromSource.length >= limits.perSource ? fromSource : fromNetwork.length >= limits.perNetwork ? fromNetwork : null;
  if (over) {
    const oldest = over[0]?.createdAt ?? now;
    const retryAfterSeconds = Math.max(1, Math.ceil((oldest.getTime() + HOUR - now.getTime()) / 1000));
    throw new DomainError("LOCKED", limits.refusal(Math.ceil(retryAfterSeconds / 60)), { retryAfterSeconds });
  }
  await tx.readerSignupAttempt.createMany({ data: [{ source: sourceKey, createdAt: now }, { source: networkKey, createdAt: now }] });
}

/** A reader asks for the digest or a reporter's stories: a pending subscription and its confirmation mail. */
export async function requestSubscription(input: unknown, visitor: CommentVisitor, now = new Date()): Promise<{ message: string }> {
  const request = parseInput(subscribeInputSchema, input);
  let reporterId: string | null = null;
  if (request.topic === "reporter") {
    // Only a reporter with a public page, so the form tells nothing about other staff accounts.
    const reporter = await db.user.findFirst({ where: { reporterNumber: request.reporterNumber, active: true, ...hasPublicStories(now) }, select: { id: true } });
    if (!reporter) throw notFound("구독할 기자를 찾을 수 없습니다.");
    reporterId = reporter.id;
  }
  const topic = reporterId ? `reporter:${reporterId}` : "digest";
  await db.$transaction(async (tx) => {
    await assertSignupAllowed(tx, visitor, now);
    const existing = await tx.readerSubscription.findUnique({ where: { email_topic: { email: request.email, topic } } });
    if (existing?.confirmedAt) return;
    const fresh = existing && now.getTime() - existing.confirmationSentAt.getTime() < CONFIRMATION_VALID_MS;
    if (fresh && now.getTime() - existing.confirmationSentAt.getTime() < RESEND_AFTER_MS) return;
    // An expired request starts over with a new token: the old link stays dead.
    const subscription = existing
      ? await tx.readerSubscription.update({ where: { id: existing.id }, data: { confirmationSentAt: now, ...(fresh ? {} : { token: newToken() }) } })
      : await tx.readerSubscription.create({ data: { email: request.email, topic, reporterId, token: newToken(), confirmationSentAt: now } });
    await enqueueJob(tx, "reader-mail.confirm", { subscriptionId: subscription.id }, { jobKey: `reader-mail.confirm:${subscription.id}`, maxAttempts: MAIL_MAX_ATTEMPTS });
  });
  return { message: SUBSCRIBE_ANSWER };
}

export type ConfirmOutcome = "confirmed" | "already-confirmed";

/** The reader confirmed from the mail: mails start from now on. */
export async function confirmSubscription(rawToken: unknown, now = new Date()): Promise<ConfirmOutcome> {
  const token = parseInput(subscriptionTokenSchema, rawToken);
  const confirmed = await db.readerSubscription.updateMany({
    where: { token, confirmedAt: null, confirmationSentAt: { gt: new Date(now.getTime() - CONFIRMATION_VALID_MS) } },
    data: { confirmedAt: now },
  });
  if (confirmed.count === 1) return "confirmed";
  const existing = await db.readerSubscription.findUnique({ where: { token }, select: { confirmedAt: true } });
  if (existing?.confirmedAt) return "already-confirmed";
  throw notFound("확인 링크가 만료되었거나 이미 해지된 구독입니다. 처음부터 다시 신청해 주세요.");
}

/**
 * Ends the subscription the token belongs to (`everything`: every subscription of its address).
 * The rows, and so the address, are deleted. A token already used answers the same: a mail
 * client may send the one-click POST more than once.
 */
export async function unsubscribe(rawToken: unknown, options: { everything?: boolean } = {}): Promise<{ removed: number }> {
  const token = parseInput(subscriptionTokenSchema, rawToken);
  return db.$transaction(async (tx) => {
    const subscription = await tx.readerSubscription.findUnique({ where: { token }, select: { id: true, email: true } });
    if (!subscription) return { removed: 0 };
    const removed = await tx.readerSubscription.deleteMany({ where: options.everything ? { email: subscription.email } : { id: subscription.id } });
    return { removed: removed.count };
  });
}

/** What a subscription is about, in the words of its mails ("아침 뉴스레터", "김하늘 기자 구독"). */
export function topicLabel(subscription: { topic: string; reporter: { name: string } | null }): string {
  return subscription.reporter ? `${subscription.reporter.name} 기자 구독` : "아침 뉴스레터";
}

/** Counts for the newsroom (never an address): confirmed and pending, by topic kind. */
export async function subscriptionCounts(actor: StaffUser): Promise<{ digest: number; reporterFollows: number; pending: number }> {
  assertCan(actor, "newsletter.configure");
  const [digest, reporterFollows, pending] = await Promise.all([
    db.readerSubscription.count({ where: { topic: "digest", confirmedAt: { not: null } } }),
    db.readerSubscription.count({ where: { reporterId: { not: null }, confirmedAt: { not: null } } }),
    db.readerSubscription.count({ where: { confirmedAt: null } }),
  ]);
  return { digest, reporterFollows, pending };
}
