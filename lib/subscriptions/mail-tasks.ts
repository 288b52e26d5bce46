import "server-only";
// The readers' mail jobs (lib/jobs/job-tasks.ts holds every feature's tasks). Each mail is its own
// job, so a mail server that refuses one reader's mail, or is down, costs that mail a retry and
// no other reader anything. Every job looks again at what it is about when it runs: a story
// the desk pulled, a subscription ended since, a reader who never confirmed: nothing is sent.
import { publicSummarySelect, toPublicSummary, type PublicArticleSummary } from "@/lib/articles/public/public-summary";
import { publiclyVisibleWhere } from "@/lib/articles/public/visibility";
import { serverEnv, siteBaseUrl } from "@/lib/config/env";
import { db } from "@/lib/db";
import { enqueueJob } from "@/lib/jobs/enqueue-job";
import type { JobTaskTable } from "@/lib/jobs/job-runner";
import { startOfKstDay } from "@/lib/views/view-counter";
import { getDigestSettings } from "@/lib/subscriptions/digest-settings";
import { kstDayOf, nextDigestAt } from "@/lib/subscriptions/digest-time";
import { confirmationMail, digestMail, followMail, type MailStory } from "@/lib/subscriptions/mail-compose";
import { MAIL_MAX_ATTEMPTS, enqueueDigest, enqueueStoryMailing, readerMailPayloads, type ReaderMailJobPayloads } from "@/lib/subscriptions/mail-queue";
import { mailerFromEnv, type Mailer } from "@/lib/subscriptions/mail-transport";
import { confirmPageUrl, listIdFor, subscriptionLinks } from "@/lib/subscriptions/subscription-links";
import { CONFIRMATION_VALID_MS, topicLabel } from "@/lib/subscriptions/subscriptions";

/** Stories in a digest. */
const DIGEST_SIZE = 5;
const DAY = 24 * 3_600_000;

function mailStory(summary: PublicArticleSummary, base: string): MailStory {
  return {
    headline: summary.headline,
    deck: summary.deck,
    description: summary.description,
    url: `${base}${summary.href}`,
    byline: summary.author ? `${summary.author.name} ${summary.author.title}` : null,
    section: summary.section?.name ?? null,
    publishedAt: summary.publishedAt,
  };
}

/** The story as readers may see it now (its live revision), or null when they may not. */
async function publicStory(articleId: number, now: Date): Promise<PublicArticleSummary | null> {
  const row = await db.article.findFirst({ where: { id: articleId, ...publiclyVisibleWhere(now) }, select: publicSummarySelect });
  return row ? toPublicSummary(row) : null;
}

/** The previous KST day's most read stories readers may still see, topped up with that day's newest. */
async function digestStoryIds(now: Date): Promise<number[]> {
  const end = startOfKstDay(now);
  const start = new Date(end.getTime() - DAY);
  const ranked = await db.articleView.groupBy({
    by: ["articleId"],
    where: { hour: { gte: start, lt: end }, article: publiclyVisibleWhere(now) },
    _sum: { count: true },
    orderBy: [{ _sum: { count: "desc" } }, { articleId: "desc" }],
    take: DIGEST_SIZE,
  });
  const ids = ranked.map((row) => row.articleId);
  if (ids.length < DIGEST_SIZE) {
    const newest = await db.article.findMany({
      where: { ...publiclyVisibleWhere(now), publishedAt: { gte: start, lt: end }, id: { notIn: ids } },
      orderBy: [{ publishedAt: "desc" }, { id: "desc" }],
      take: DIGEST_SIZE - ids.length,
      select: { id: true },
    });
    ids.push(...newest.map((row) => row.id));
  }
  return ids;
}

async function confirmedSubscription(subscriptionId: string) {
  return db.readerSubscription.findFirst({ where: { id: subscriptionId, confirmedAt: { not: null } }, include: { reporter: { select: { name: true } } } });
}

/** The tasks, sending through `mailer` (the tests pass a local SMTP server's). */
export function readerMailTasks(mailer: () => Mailer = mailerFromEnv): JobTaskTable<ReaderMailJobPayloads> {
  const siteName = () => serverEnv().SITE_NAME;
  return {
    "reader-mail.confirm": {
      payload: readerMailPayloads["reader-mail.confirm"],
      async run({ subscriptionId }) {
        const subscription = await db.readerSubscription.findUnique({ where: { id: subscriptionId }, include: { reporter: { select: { name: true } } } });
        if (!subscription || subscription.confirmedAt || Date.now() - subscription.confirmationSentAt.getTime() > CONFIRMATION_VALID_MS) return;
        await mailer().send(
          confirmationMail({
            to: subscription.email,
            siteName: siteName(),
            topicLabel: topicLabel(subscription),
            confirmPage: confirmPageUrl(subscription.token),
            links: subscriptionLinks(subscription.token),
            listId: listIdFor(subscription.topic),
          }),
        );
      },
    },
    "reader-mail.story": {
      payload: readerMailPayloads["reader-mail.story"],
      run: ({ articleId }) =>
        db.$transaction(async (tx) => {
          const now = new Date();
          const article = await tx.article.findFirst({
            where: { id: articleId, status: { in: ["PUBLISHED", "SCHEDULED"] }, liveRevisionId: { not: null } },
            select: { publishedAt: true, liveRevision: { select: { bylines: { select: { userId: true } } } } },
          });
          if (!article?.publishedAt || !article.liveRevision) return;
          // Run before its time (another instance's clock): wait for it rather than lose the mailing.
          if (article.publishedAt > now) return enqueueStoryMailing(tx, articleId, article.publishedAt);
          const first = await tx.readerStoryMailing.createMany({ data: [{ articleId }], skipDuplicates: true });
          if (first.count === 0) return;
          const reporterIds = article.liveRevision.bylines.map((byline) => byline.userId);
          const followers = await tx.readerSubscription.findMany({ where: { reporterId: { in: reporterIds }, confirmedAt: { not: null } }, select: { id: true, email: true } });
          // A reader following two of the story's bylines gets one mail.
          const seen = new Set<string>();
          for (const follower of followers) {
            if (seen.has(follower.email)) continue;
            seen.add(follower.email);
            await enqueueJob(tx, "reader-mail.story-to", { articleId, subscriptionId: follower.id }, { jobKey: `reader-mail.story:${articleId}:${follower.id}`, maxAttempts: MAIL_MAX_ATTEMPTS });
          }
        }),
    },
    "reader-mail.story-to": {
      payload: readerMailPayloads["reader-mail.story-to"],
      async run({ articleId, subscriptionId }) {
        const [subscription, story] = await Promise.all([confirmedSubscription(subscriptionId), publicStory(articleId, new Date())]);
        if (!subscription?.reporter || !story) return;
        const base = siteBaseUrl();
        await mailer().send(
          followMail({
            to: subscription.email,
            siteName: siteName(),
            reporterName: subscription.reporter.name,
            story: mailStory(story, base),
            links: subscriptionLinks(subscription.token, base),
            listId: listIdFor(subscription.topic, base),
          }),
        );
      },
    },
    "reader-mail.digest": {
      payload: readerMailPayloads["reader-mail.digest"],
      async run() {
        const now = new Date();
        const settings = await getDigestSettings();
        if (!settings.enabled) return;
        const day = kstDayOf(now);
        await db.$transaction(async (tx) => {
          // Unconfirmed requests are kept no longer than their link works.
          await tx.readerSubscription.deleteMany({ where: { confirmedAt: null, confirmationSentAt: { lt: new Date(now.getTime() - CONFIRMATION_VALID_MS) } } });
          const made = await tx.readerDigestIssue.createMany({ data: [{ day, articleIds: await digestStoryIds(now) }], skipDuplicates: true });
          if (made.count === 1) {
            const issue = await tx.readerDigestIssue.findUniqueOrThrow({ where: { day } });
            if (issue.articleIds.length > 0) {
              const readers = await tx.readerSubscription.findMany({ where: { topic: "digest", confirmedAt: { not: null } }, select: { id: true } });
              for (const reader of readers) {
                await enqueueJob(tx, "reader-mail.digest-to", { day, subscriptionId: reader.id }, { jobKey: `reader-mail.digest:${day}:${reader.id}`, maxAttempts: MAIL_MAX_ATTEMPTS });
              }
            }
          }
          // Tomorrow's, queued with today's mails: the chain never breaks while the digest is on.
          await enqueueDigest(tx, nextDigestAt(new Date(now.getTime() + 60_000), settings.time), false);
        });
      },
    },
    "reader-mail.digest-to": {
      payload: readerMailPayloads["reader-mail.digest-to"],
      async run({ day, subscriptionId }) {
        const now = new Date();
        const [subscription, issue] = await Promise.all([confirmedSubscription(subscriptionId), db.readerDigestIssue.findUnique({ where: { day } })]);
        if (!subscription || subscription.topic !== "digest" || !issue) return;
        // Fixed when the digest was made; a story pulled since is left out of the later mails.
        const rows = await db.article.findMany({ where: { id: { in: issue.articleIds }, ...publiclyVisibleWhere(now) }, select: publicSummarySelect });
        const byId = new Map(rows.map((row) => [row.id, toPublicSummary(row)]));
        const base = siteBaseUrl();
        const stories = issue.articleIds.map((id) => byId.get(id)).filter((story): story is PublicArticleSummary => Boolean(story)).map((story) => mailStory(story, base));
        if (stories.length === 0) return;
        await mailer().send(
          digestMail({ to: subscription.email, siteName: siteName(), sentAt: issue.createdAt, stories, links: subscriptionLinks(subscription.token, base), listId: listIdFor("digest", base) }),
        );
      },
    },
  };
}
