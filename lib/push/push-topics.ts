// Readers' Web Push topics and the desk's limits, shared by the reader's dialog, the desk's form,
// the input schemas and the delivery. Browser-safe: no server modules.
import { z } from "zod";

/**
 * What a reader may choose and the desk may push to: 속보, a section (by its id) or a reporter
 * (by the number in their public address, /reporters/<number>-<name>).
 */
export type PushTopic = "breaking" | `section:${number}` | `reporter:${number}`;

/** The one place the per-topic rate limit is set: pushes the desk may ask for per topic in an hour. */
export const PUSHES_PER_TOPIC_PER_HOUR = 3;
export const PUSH_RATE_WINDOW_MS = 3_600_000;
/** Topics one browser may follow. */
export const MAX_TOPICS_PER_BROWSER = 30;

const TOPIC_PATTERN = /^(breaking|section:[1-9]\d{0,9}|reporter:[1-9]\d{0,9})$/;

export const pushTopicSchema = z
  .string({ error: "알림 주제가 올바르지 않습니다." })
  .regex(TOPIC_PATTERN, "알림 주제가 올바르지 않습니다. 속보, 섹션이나 기자를 고르세요.")
  .transform((topic) => topic as PushTopic);

export const sectionTopic = (sectionId: number): PushTopic => `section:${sectionId}`;
export const reporterTopic = (reporterNumber: number): PushTopic => `reporter:${reporterNumber}`;

/** The section id or reporter number a topic names (null for 속보). */
export function topicTarget(topic: PushTopic): { kind: "breaking" } | { kind: "section" | "reporter"; id: number } {
  if (topic === "breaking") return { kind: "breaking" };
  const [kind, id] = topic.split(":") as ["section" | "reporter", string];
  return { kind, id: Number(id) };
}

/** A topic with its Korean name, as the reader's dialog and the desk's form list it. */
export interface PushTopicChoice {
  topic: PushTopic;
  label: string;
}

export const BREAKING_TOPIC: PushTopicChoice = { topic: "breaking", label: "속보" };

/** What a story page offers: 속보, the story's section, its reporters (their public numbers). */
export function storyTopicChoices(story: { section: { id: number; name: string } | null; bylines: { reporterNumber: number; name: string }[] }): PushTopicChoice[] {
  return [
    BREAKING_TOPIC,
    ...(story.section ? [{ topic: sectionTopic(story.section.id), label: `${story.section.name} 섹션` }] : []),
    ...story.bylines.map((person) => ({ topic: reporterTopic(person.reporterNumber), label: `${person.name} 기자` })),
  ];
}
