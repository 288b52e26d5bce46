// Page views: counted by the beacon route, once per source (an IPv4 address, an IPv6 /64) per
// story per KST day whatever the User-Agent, at most DAILY_VIEWS_PER_SOURCE a day per source across
// all stories, never for bots, buffered in memory and written in one batch into ArticleView's
// hourly rows.
import { beforeEach, describe, expect, it } from "vitest";
import { POST } from "@/app/api/views/route";
import { CLIENT_IP_HEADER } from "@/lib/auth/client-ip";
import { db } from "@/lib/db";
import { DAILY_VIEWS_PER_SOURCE, processViewCounter, startOfKstDay, ViewCounter } from "@/lib/views/view-counter";
import { plantStories, privateStoryIds } from "../support/planted-stories";

const CHROME = "Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0.0.0 Safari/537.36";
const HOUR = 3_600_000;

function beacon(articleId: number, options: { ip?: string; userAgent?: string; origin?: string } = {}) {
  return POST(
    new Request("http://news.test/api/views", {
      method: "POST",
      body: String(articleId),
      headers: {
        host: "news.test",
        origin: options.origin ?? "http://news.test",
        "user-agent": options.userAgent ?? CHROME,
        [CLIENT_IP_HEADER]: options.ip ?? "203.0.113.7",
      },
    }),
  );
}

const viewsOf = async (articleId: number) => (await db.articleView.aggregate({ where: { articleId }, _sum: { count: true } }))._sum.count ?? 0;

let planted: Awaited<ReturnType<typeof plantStories>>;

beforeEach(async () => {
  await processViewCounter().flush(db);
  planted ??= await plantStories(db);
});

describe("the view beacon", () => {
  it("100 requests from one visitor count once", async () => {
    const id = planted.ids.published;
    const before = await viewsOf(id);
    for (let i = 0; i < 100; i++) expect((await beacon(id)).status).toBe(204);
    expect(processViewCounter().pendingViews()).toBe(1);
    await processViewCounter().flush(db);
    expect((await viewsOf(id)) - before).toBe(1);
  });

  it("bots count zero, and so do requests from another site", async () => {
    const id = planted.ids.published;
    const before = await viewsOf(id);
    for (const userAgent of ["Mozilla/5.0 (compatible; Googlebot/2.1; +http://www.google.com/bot.html)", "Mozilla/5.0 (compatible; Yeti/1.1; +https://naver.me/spd)", "kakaotalk-scrap/1.0", "facebookexternalhit/1.1", "curl/8.5.0", ""]) {
      await beacon(id, { userAgent, ip: `198.51.100.${userAgent.length}` });
    }
    await beacon(id, { origin: "https://elsewhere.example", ip: "192.0.2.1" });
    expect(processViewCounter().pendingViews()).toBe(0);
    await processViewCounter().flush(db);
    expect((await viewsOf(id)) - before).toBe(0);
  });

  it("one address counts once per story whatever User-Agent it sends (a script can send any)", async () => {
    const id = planted.ids.published;
    const before = await viewsOf(id);
    for (let i = 0; i < 200; i++) await beacon(id, { ip: "198.51.100.77", userAgent: `${CHROME.replace("131.0.0.0", `${100 + (i % 40)}.0.${i}.0`)}` });
    await beacon(id, { ip: "198.51.100.77", userAgent: "Mozilla/5.0 (iPhone; CPU iPhone OS 18_1 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/18.1 Mobile/15E148 Safari/604.1" });
    await processViewCounter().flush(db);
    expect((await viewsOf(id)) - before).toBe(1);
  });

  it("an IPv6 /64 is one source (its hosts pick their last 64 bits at will); an IPv4-mapped address is the IPv4 one", async () => {
    const id = planted.ids.pendingUpdate;
    const before = await viewsOf(id);
    for (const ip of ["2001:db8:1:2::1", "2001:db8:1:2:aaaa:bbbb:cccc:dddd", "2001:0db8:0001:0002:0:0:0:ff", "2001:db8:1:3::1", "203.0.113.61", "::ffff:203.0.113.61"]) {
      await beacon(id, { ip });
    }
    await processViewCounter().flush(db);
    expect((await viewsOf(id)) - before).toBe(3);
  });

  it("different visitors each count; views of stories readers cannot see are dropped at the flush", async () => {
    const id = planted.ids.pendingUpdate;
    const before = await viewsOf(id);
    for (let i = 0; i < 5; i++) await beacon(id, { ip: `203.0.113.${100 + i}` });
    await beacon(id, { ip: "203.0.113.100", userAgent: `${CHROME} Edg/131.0` });
    for (const { id: privateId } of privateStoryIds(planted)) await beacon(privateId, { ip: "203.0.113.200" });
    await processViewCounter().flush(db);
    expect((await viewsOf(id)) - before).toBe(5);
    for (const { kind, id: privateId } of privateStoryIds(planted)) expect(await viewsOf(privateId), kind).toBe(0);
  });

  it("answers 204 to nonsense without counting", async () => {
    const response = await POST(new Request("http://news.test/api/views", { method: "POST", body: "x".repeat(10_000), headers: { host: "news.test", origin: "http://news.test" } }));
    expect(response.status).toBe(204);
    expect(processViewCounter().pendingViews()).toBe(0);
  });
});

describe("the buffer", () => {
  it("writes hourly rows in one flush, adding to rows that exist, and counts a visitor again the next (KST) day", async () => {
    const counter = new ViewCounter();
    const id = planted.ids.published;
    const visitor = { source: "203.0.113.9", userAgent: CHROME };
    // Three times on two KST days: 00:10 and 01:20 of one day, 00:10 of the next.
    // Tomorrow's (KST): today's first hour would be the hour the other tests of this file count
    // in when it runs between 00:00 and 01:00 KST, and its row would hold their views too.
    const midnight = startOfKstDay(new Date(Date.now() + 24 * HOUR)).getTime();
    const day1 = new Date(midnight + 10 * 60_000);
    const day1Later = new Date(midnight + 80 * 60_000);
    const day2 = new Date(midnight + 24 * HOUR + 10 * 60_000);
    const hourOf = (date: Date) => new Date(Math.floor(date.getTime() / HOUR) * HOUR);
    expect(counter.record(id, visitor, day1)).toBe("counted");
    expect(counter.record(id, visitor, day1Later)).toBe("repeat");
    expect(counter.record(id, { ...visitor, source: "203.0.113.10" }, day1Later)).toBe("counted");
    expect(counter.record(id, visitor, day2)).toBe("counted");
    expect(await counter.flush(db, day2)).toBe(3);
    expect(await counter.flush(db, day2)).toBe(0);
    const rows = await db.articleView.findMany({ where: { articleId: id, hour: { in: [hourOf(day1), hourOf(day1Later), hourOf(day2)] } }, orderBy: { hour: "asc" } });
    expect(rows.map((row) => row.count)).toEqual([1, 1, 1]);

    expect(new ViewCounter().record(id, { ...visitor, source: "203.0.113.11" }, day1)).toBe("counted");
    const again = new ViewCounter();
    again.record(id, { ...visitor, source: "203.0.113.11" }, day1);
    await again.flush(db, day2);
    expect((await db.articleView.findUniqueOrThrow({ where: { articleId_hour: { articleId: id, hour: hourOf(day1) } } })).count).toBe(2);
    expect((await db.article.findUniqueOrThrow({ where: { id } })).viewCount).toBeGreaterThanOrEqual(4);
  });

  it("counts at most DAILY_VIEWS_PER_SOURCE views a KST day from one source across all stories", () => {
    const counter = new ViewCounter();
    // Tomorrow's (KST): today's first hour would be the hour the other tests of this file count
    // in when it runs between 00:00 and 01:00 KST, and its row would hold their views too.
    const midnight = startOfKstDay(new Date(Date.now() + 24 * HOUR)).getTime();
    const at = new Date(midnight + 3 * HOUR);
    const outcomes = Array.from({ length: DAILY_VIEWS_PER_SOURCE + 20 }, (_, i) => counter.record(1_000 + i, { source: "198.51.100.9", userAgent: CHROME }, at));
    expect(outcomes.filter((outcome) => outcome === "counted")).toHaveLength(DAILY_VIEWS_PER_SOURCE);
    expect(outcomes.slice(DAILY_VIEWS_PER_SOURCE).every((outcome) => outcome === "capped")).toBe(true);
    expect(counter.record(1_000, { source: "198.51.100.10", userAgent: CHROME }, at)).toBe("counted");
    expect(counter.record(5_000, { source: "198.51.100.9", userAgent: CHROME }, new Date(midnight + 24 * HOUR + 60_000))).toBe("counted");
    expect(counter.pendingViews()).toBe(DAILY_VIEWS_PER_SOURCE + 2);
  });

  it("keeps the counts when the database write fails, for the next flush", async () => {
    const counter = new ViewCounter();
    counter.record(planted.ids.published, { source: "203.0.113.50", userAgent: CHROME }, new Date(Date.now() - HOUR));
    const broken = { article: { findMany: () => Promise.reject(new Error("database down")) } } as unknown as typeof db;
    await expect(counter.flush(broken)).rejects.toThrow("database down");
    expect(counter.pendingViews()).toBe(1);
    expect(await counter.flush(db)).toBe(1);
  });
});
