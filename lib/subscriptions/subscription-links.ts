// The addresses in readers' mails, built on the site's public address (NEXTAUTH_URL).
import { siteBaseUrl } from "@/lib/config/env";
import type { SubscriptionLinks } from "@/lib/subscriptions/mail-compose";

export function subscriptionLinks(token: string, base = siteBaseUrl()): SubscriptionLinks {
  const query = `token=${encodeURIComponent(token)}`;
  return { unsubscribePage: `${base}/subscriptions/unsubscribe?${query}`, oneClickUnsubscribe: `${base}/api/subscriptions/unsubscribe?${query}` };
}

export function confirmPageUrl(token: string, base = siteBaseUrl()): string {
  return `${base}/subscriptions/confirm?token=${encodeURIComponent(token)}`;
}

/** The List-Id of a topic's mails, e.g. <digest.newsletter.news.example.kr>. */
export function listIdFor(topic: string, base = siteBaseUrl()): string {
  const host = new URL(base).hostname;
  return `<${topic.startsWith("reporter:") ? "reporter" : "digest"}.newsletter.${host}>`;
}
