// The side column's two boxes answer different questions: Today is what readers read most since
// midnight (KST); Hot Issue is what readers discussed most over the last seven days (different
// commenters first, then comments, then the week's views). On a week of realistic traffic they
// must not show the same stories, and no story readers may not see ever appears in either.
import { randomUUID } from "node:crypto";
import { beforeAll, describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { getMostReadAt, type MostRead } from "@/lib/views/most-read";
import { expectNoPlantedStory, plantStories, type PlantedStories } from "../support/planted-stories";
import { createArticle, createStaff } from "../support/staff-fixtures";

const HOUR = 3_600_000;
const DAY = 24 * HOUR;
const now = new Date();
const thisHour = new Date(Math.floor(now.getTime() / HOUR) * HOUR);

interface Story {
  id: number;
  /** Views in the current hour (today) and on each of the six days before. */
  today: number;
  daily: number[];
  /** Visible comments this week: [different commenters, comments each]. */
  commenters: number;
  commentsEach: number;
}

let planted: PlantedStories;
let stories: Story[];
let boxes: MostRead;

async function addViews(articleId: number, today: number, daily: number[]) {
  const rows = [{ articleId, hour: thisHour, count: today }, ...daily.map((count, day) => ({ articleId, hour: new Date(thisHour.getTime() - (day + 1) * DAY), count }))];
  await db.articleView.createMany({ data: rows.filter((row) => row.count > 0) });
}

async function addComments(articleId: number, commenters: number, each: number, options: { status?: "VISIBLE" | "HIDDEN" | "HELD" | "DELETED"; ageMs?: number } = {}) {
  const data = [];
  for (let person = 0; person < commenters; person++) {
    for (let n = 0; n < each; n++) {
      data.push({
        articleId,
        body: `의견 ${person}-${n}`,
        guestName: `독자${person}`,
        guestPasswordHash: "x",
        ipHash: `source-${articleId}-${person}`,
        status: options.status ?? "VISIBLE",
        createdAt: new Date(now.getTime() - (options.ageMs ?? 2 * HOUR) - n * 60_000),
      });
    }
  }
  if (data.length) await db.comment.createMany({ data });
}

beforeAll(async () => {
  planted = await plantStories(db, now);
  const reporter = await createStaff("REPORTER");
  // A week of a small paper: today's new stories are read most today (and so most over the week),
  // while the stories readers argue about are policy pieces from earlier in the week.
  const shape: Omit<Story, "id">[] = [
    { today: 900, daily: [0, 0, 0, 0, 0, 0], commenters: 2, commentsEach: 1 }, // breaking news this morning
    { today: 700, daily: [300, 0, 0, 0, 0, 0], commenters: 1, commentsEach: 2 },
    { today: 520, daily: [800, 0, 0, 0, 0, 0], commenters: 3, commentsEach: 1 },
    { today: 410, daily: [200, 100, 0, 0, 0, 0], commenters: 0, commentsEach: 0 },
    { today: 380, daily: [900, 400, 0, 0, 0, 0], commenters: 1, commentsEach: 1 },
    { today: 60, daily: [120, 300, 500, 200, 0, 0], commenters: 14, commentsEach: 2 }, // the rent-control debate
    { today: 40, daily: [90, 200, 260, 0, 0, 0], commenters: 11, commentsEach: 1 },
    { today: 25, daily: [60, 80, 150, 300, 100, 0], commenters: 9, commentsEach: 3 },
    { today: 30, daily: [40, 50, 80, 0, 0, 0], commenters: 7, commentsEach: 1 },
    { today: 12, daily: [20, 40, 60, 90, 120, 60], commenters: 6, commentsEach: 1 },
    { today: 15, daily: [30, 30, 30, 30, 30, 30], commenters: 1, commentsEach: 30 }, // one person arguing with themselves
    ...Array.from({ length: 13 }, (_, i) => ({ today: 5 + i, daily: [20 + i, 10, 5, 0, 0, 0], commenters: i % 3, commentsEach: 1 })),
  ];
  stories = [];
  for (const story of shape) {
    const { id } = await createArticle(reporter.id, "PUBLISHED");
    await db.article.update({ where: { id }, data: { publishedAt: new Date(now.getTime() - 6 * DAY), headline: `시험 기사 ${randomUUID().slice(0, 6)}` } });
    await addViews(id, story.today, story.daily);
    await addComments(id, story.commenters, story.commentsEach);
    stories.push({ id, ...story });
  }
  const quiet = stories[stories.length - 1]!;
  // What must not count: comments the desk hid, held or deleted, and comments older than a week.
  await addComments(quiet.id, 40, 1, { status: "HIDDEN" });
  await addComments(quiet.id, 40, 1, { status: "HELD" });
  await addComments(quiet.id, 40, 1, { status: "DELETED" });
  await addComments(quiet.id, 40, 1, { ageMs: 8 * DAY });
  // Stories readers may not see, read and discussed more than any public one.
  for (const id of [planted.ids.draft, planted.ids.submitted, planted.ids.scheduled, planted.ids.unpublished]) {
    await addViews(id, 5_000, [5_000, 5_000, 0, 0, 0, 0]);
    await addComments(id, 50, 1);
  }
  boxes = await getMostReadAt(now, 5);
});

const ids = (list: { id: number }[]) => list.map((story) => story.id);
const expected = (order: (a: Story, b: Story) => number) => ids([...stories].sort(order).slice(0, 5));

describe("Today and Hot Issue", () => {
  it("Today ranks what was read most since midnight", () => {
    expect(ids(boxes.today)).toEqual(expected((a, b) => b.today - a.today || b.id - a.id));
  });

  it("Hot Issue ranks what was discussed most this week, by different commenters, not by one busy commenter or hidden comments", () => {
    const weekViews = (story: Story) => story.today + story.daily.reduce((sum, n) => sum + n, 0);
    expect(ids(boxes.hotIssue)).toEqual(
      expected((a, b) => b.commenters - a.commenters || b.commenters * b.commentsEach - a.commenters * a.commentsEach || weekViews(b) - weekViews(a) || b.id - a.id),
    );
    expect(ids(boxes.hotIssue)).not.toContain(stories[stories.length - 1]!.id);
  });

  it("the two boxes show different stories", () => {
    const today = new Set(ids(boxes.today));
    const shared = ids(boxes.hotIssue).filter((id) => today.has(id));
    expect(boxes.today).toHaveLength(5);
    expect(boxes.hotIssue).toHaveLength(5);
    expect(shared.length).toBeLessThanOrEqual(1);
  });

  it("no story readers may not see appears in either box", () => {
    expectNoPlantedStory(planted, JSON.stringify(boxes), "the most-read boxes");
    const privateIds = new Set([planted.ids.draft, planted.ids.submitted, planted.ids.scheduled, planted.ids.unpublished]);
    for (const story of [...boxes.today, ...boxes.hotIssue]) expect(privateIds.has(story.id)).toBe(false);
  });
});
