// What a story's notification says, built in one place for the job that sends it and for the
// desk's preview of it (the phone shows exactly this). Browser-safe: no server modules.
import type { PushTopic } from "@/lib/push/push-topics";

/** The JSON the service worker (public/push-sw.js) receives and shows. */
export interface PushNotification {
  title: string;
  body: string;
  /** The story's path on this site: the worker opens it on a click (never another site's address). */
  url: string;
  icon: string;
  /** One notification per story on a phone: a later push of the same story replaces it. */
  tag: string;
}

/** Phones cut a notification's text at two or three lines; longer is noise in the payload. */
const MAX_BODY = 120;
const MAX_TITLE = 80;
/** The paper's emblem, served from public/. */
const PUSH_ICON_PATH = "/publisher-logo.png";

const cut = (text: string, max: number) => (text.length > max ? `${text.slice(0, max - 1).trimEnd()}…` : text);

export function pushNotificationFor(story: { id: number; path: string; headline: string; deck: string | null; description: string }, topic: PushTopic, siteName: string): PushNotification {
  const headline = topic === "breaking" ? `[속보] ${story.headline}` : story.headline;
  return {
    title: cut(headline, MAX_TITLE),
    body: cut(story.deck || story.description || siteName, MAX_BODY),
    url: story.path,
    icon: PUSH_ICON_PATH,
    tag: `story-${story.id}`,
  };
}
