// The Web Push jobs (lib/jobs): their names, payload schemas and how a story's pushes are queued.
// Not marked server-only: the push consumer (lib/events) queues them inside the desk's
// transactions, which start-up scripts run too.
import { z } from "zod";
import type { DbTransaction } from "@/lib/db/client";
import { enqueueJob } from "@/lib/jobs/enqueue-job";
import { pushTopicSchema } from "@/lib/push/push-topics";

const articleId = z.number().int().positive();

export const pushPayloads = {
  /** The desk pushed a story to a topic: when it is public, queue one notification per browser that chose the topic. */
  "web-push.story": z.object({ articleId, topic: pushTopicSchema }),
  /** One notification to one browser. */
  "web-push.send": z.object({ articleId, subscriptionId: z.string().min(1).max(40) }),
};

export type PushJobPayloads = { [Name in keyof typeof pushPayloads]: z.infer<(typeof pushPayloads)[Name]> };

/** A push is news for minutes to hours: a few retries, then it is left failed. */
export const PUSH_MAX_ATTEMPTS = 5;

/**
 * Queues the push of a story to a topic at `at` (when it goes public). The job key keeps one
 * waiting job per story and topic: a new time (a rescheduled story) replaces the old one, and the
 * story's row (PushStoryTopic.sentAt) keeps a second approval from pushing again once it ran.
 */
export async function enqueueStoryPush(tx: DbTransaction, id: number, topic: string, at: Date): Promise<void> {
  await enqueueJob(tx, "web-push.story", { articleId: id, topic }, { jobKey: `web-push.story:${id}:${topic}`, runAt: at, maxAttempts: PUSH_MAX_ATTEMPTS });
}

/** Queues the desk's waiting pushes of a story (not yet sent) for its publication time. */
export async function enqueueWaitingStoryPushes(tx: DbTransaction, id: number): Promise<void> {
  const waiting = await tx.pushStoryTopic.findMany({ where: { articleId: id, sentAt: null }, select: { topic: true } });
  if (waiting.length === 0) return;
  const article = await tx.article.findUnique({ where: { id }, select: { publishedAt: true } });
  if (!article?.publishedAt) return;
  for (const { topic } of waiting) await enqueueStoryPush(tx, id, topic, article.publishedAt);
}
