import "server-only";
// The desk's push choice for a story: which topics it may go to (속보, its section, its
// reporters), the rows that record the choice with the approval, and the per-topic rate limit
// (PUSHES_PER_TOPIC_PER_HOUR, lib/push/push-topics.ts), refused in Korean before anything changes.
import { assertCan, can } from "@/lib/auth/permissions";
import type { StaffUser } from "@/lib/auth/staff-user";
import { db } from "@/lib/db";
import type { Db, DbTransaction } from "@/lib/db/client";
import { invalid } from "@/lib/errors";
import { pushNotificationFor, type PushNotification } from "@/lib/push/push-notification";
import { vapidIdentity } from "@/lib/push/vapid";
import { PUSH_RATE_WINDOW_MS, PUSHES_PER_TOPIC_PER_HOUR, storyTopicChoices, type PushTopic, type PushTopicChoice } from "@/lib/push/push-topics";

/** Any topic but 속보 gives the same notification (no [속보] in its title). */
const sectionOrReporter: PushTopic = "section:1";

// Its own advisory-lock namespace (two-key form): two approvals pushing to one topic count in turn.
const PUSH_TOPIC_LOCK_NAMESPACE = 23_002;

/** A topic the story may be pushed to, and whether the desk already chose it (a story goes to a topic once). */
export interface StoryPushChoice extends PushTopicChoice {
  requestedAt: Date | null;
  sentAt: Date | null;
}

/** The topics a story may go to, as its working copy stands: 속보, its section, its reporters. */
async function storyTopics(client: Db | DbTransaction, articleId: number): Promise<PushTopicChoice[]> {
  const article = await client.article.findUnique({
    where: { id: articleId },
    select: {
      section: { select: { id: true, name: true } },
      author: { select: { reporterNumber: true, name: true } },
      coAuthors: { orderBy: { sortOrder: "asc" }, select: { user: { select: { reporterNumber: true, name: true } } } },
    },
  });
  if (!article) return [];
  return storyTopicChoices({ section: article.section, bylines: [article.author, ...article.coAuthors.map((entry) => entry.user)] });
}

/** What the desk's approval form offers for a story, with the topics already pushed or waiting. */
export async function storyPushChoices(actor: StaffUser, articleId: number): Promise<StoryPushChoice[]> {
  assertCan(actor, "article.approve");
  const [topics, requested] = await Promise.all([storyTopics(db, articleId), db.pushStoryTopic.findMany({ where: { articleId } })]);
  const byTopic = new Map(requested.map((row) => [row.topic, row]));
  return topics.map((choice) => ({ ...choice, requestedAt: byTopic.get(choice.topic)?.requestedAt ?? null, sentAt: byTopic.get(choice.topic)?.sentAt ?? null }));
}

/**
 * Records the desk's choice to push the story to `topics`, inside the approval's transaction (its
 * consumer, lib/push/push-consumer.ts, queues the jobs). A topic chosen before is left as it is:
 * one push per story and topic. A topic over its hourly limit refuses the whole approval, so the
 * desk sees why and decides (approve without it, or wait).
 */
export async function requestStoryPushes(tx: DbTransaction, actor: StaffUser, articleId: number, topics: readonly PushTopic[], now: Date): Promise<void> {
  assertCan(actor, "article.approve");
  if (topics.length === 0) return;
  const allowed = new Map((await storyTopics(tx, articleId)).map((choice) => [choice.topic, choice.label]));
  const stranger = topics.find((topic) => !allowed.has(topic));
  if (stranger) throw invalid("이 기사로 보낼 수 없는 알림 주제입니다. 속보, 기사의 섹션이나 기사를 쓴 기자만 고를 수 있습니다.", { topic: stranger });
  const already = new Set((await tx.pushStoryTopic.findMany({ where: { articleId, topic: { in: [...topics] } }, select: { topic: true } })).map((row) => row.topic));
  const fresh = [...new Set(topics)].filter((topic) => !already.has(topic)).sort();
  for (const topic of fresh) {
    await tx.$executeRaw`SELECT pg_advisory_xact_lock(${PUSH_TOPIC_LOCK_NAMESPACE}::int, hashtext(${topic}))`;
    const recent = await tx.pushStoryTopic.findMany({
      where: { topic, requestedAt: { gt: new Date(now.getTime() - PUSH_RATE_WINDOW_MS) } },
      orderBy: { requestedAt: "asc" },
      select: { requestedAt: true },
    });
    if (recent.length >= PUSHES_PER_TOPIC_PER_HOUR) {
      const minutes = Math.max(1, Math.ceil((recent[0]!.requestedAt.getTime() + PUSH_RATE_WINDOW_MS - now.getTime()) / 60_000));
      throw invalid(
        `'${allowed.get(topic)}' 알림은 한 시간에 ${PUSHES_PER_TOPIC_PER_HOUR}건까지 보낼 수 있습니다. ${minutes}분 뒤에 다시 고르거나, 이 알림을 빼고 승인하세요.`,
        { topic, retryAfterMinutes: minutes },
      );
    }
  }
  if (fresh.length > 0) await tx.pushStoryTopic.createMany({ data: fresh.map((topic) => ({ articleId, topic, requestedById: actor.id, requestedAt: now })) });
}

/** What the desk's approval forms show for a story's push: the topics and the notification as the phone shows it; null while push is not set up. */
export async function storyPushForm(
  actor: StaffUser,
  story: { id: number; path: string; headline: string; subHeadlines: string[]; description: string },
  siteName: string,
): Promise<{ choices: { topic: PushTopic; label: string; done: string | null }[]; preview: { plain: PushNotification; breaking: PushNotification } } | null> {
  if (!can(actor, "article.approve") || !vapidIdentity()) return null;
  const choices = await storyPushChoices(actor, story.id);
  const text = { id: story.id, path: story.path, headline: story.headline, deck: story.subHeadlines[0] ?? null, description: story.description };
  return {
    choices: choices.map((choice) => ({ topic: choice.topic, label: choice.label, done: choice.sentAt ? "보냄" : choice.requestedAt ? "공개되면 보냄" : null })),
    preview: { plain: pushNotificationFor(text, sectionOrReporter, siteName), breaking: pushNotificationFor(text, "breaking", siteName) },
  };
}
