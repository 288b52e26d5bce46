// Readers' reactions: one per source per story (the comment rules' source: an address, an IPv6
// /64 as one; not a browser's cookie), changeable and withdrawable, counted from the rows; only on
// stories readers may see (the planted stories); none lost under concurrent clicks; the desk's
// follow-up list.
import { beforeAll, describe, expect, it } from "vitest";
import { unpublishArticle } from "@/lib/articles/workflow/transitions";
import { CLIENT_IP_HEADER } from "@/lib/auth/client-ip";
import type { StaffUser } from "@/lib/auth/staff-user";
import { commentVisitorFrom, type CommentVisitor } from "@/lib/comments/comment-source";
import { db } from "@/lib/db";
import { reactToArticle, withdrawReaction } from "@/lib/reactions/article-reactions";
import { listFollowUpRequests } from "@/lib/reactions/follow-up-requests";
import { getReactionCounts } from "@/lib/reactions/reaction-counts";
import { MalformedBody } from "@/lib/validation";
import { expectNoPlantedStory, type PlantedStories } from "../support/planted-stories";
import { publishedStory as publishedStoryBy } from "../support/story-fixtures";
import { deskCastWithPlantedStories } from "../support/desk-cast";

let reporter: StaffUser;
let editor: StaffUser;
let planted: PlantedStories;

beforeAll(async () => ({ reporter, editor, planted } = await deskCastWithPlantedStories()));

/** A reader as our HTTP server sees them: by the address it wrote into the request. */
const reader = (ip: string): CommentVisitor => commentVisitorFrom(new Headers({ [CLIENT_IP_HEADER]: ip }));

const publishedStory = (headline: string) => publishedStoryBy(reporter, editor, headline);

describe("one reaction per reader per story", () => {
  it("a reader reacts, changes their mind, picks the same again (nothing doubles), withdraws", async () => {
    const id = await publishedStory("폭설에 출근길 대란");
    const one = reader("203.0.113.10");
    expect(await reactToArticle(id, { kind: "SAD" }, one)).toEqual({ articleId: id, kind: "SAD", previous: null });
    expect((await getReactionCounts(id)).counts).toEqual({ LIKE: 0, WARM: 0, SAD: 1, ANGRY: 0, FOLLOW_UP: 0 });
    expect(await reactToArticle(id, { kind: "ANGRY" }, one)).toEqual({ articleId: id, kind: "ANGRY", previous: "SAD" });
    expect(await reactToArticle(id, { kind: "ANGRY" }, one)).toEqual({ articleId: id, kind: "ANGRY", previous: "ANGRY" });
    expect(await getReactionCounts(id)).toEqual({ articleId: id, counts: { LIKE: 0, WARM: 0, SAD: 0, ANGRY: 1, FOLLOW_UP: 0 }, total: 1 });
    expect(await withdrawReaction(id, one)).toEqual({ articleId: id, kind: null, previous: "ANGRY" });
    expect(await withdrawReaction(id, one)).toEqual({ articleId: id, kind: null, previous: null });
    expect((await getReactionCounts(id)).total).toBe(0);
  });

  it("counts by source, as comments do: one address is one reader whatever the browser; an IPv6 /64 is one; other networks count apart", async () => {
    const id = await publishedStory("시내버스 요금 인상");
    // Two browsers (or a cleared cookie) behind one address: one reader, whose reaction moves.
    await reactToArticle(id, { kind: "LIKE" }, reader("198.51.100.7"));
    await reactToArticle(id, { kind: "FOLLOW_UP" }, reader("198.51.100.7"));
    // One IPv6 /64 (a phone picking new privacy addresses), and its IPv4-mapped twin of an address.
    await reactToArticle(id, { kind: "WARM" }, reader("2001:db8:1:2::a"));
    await reactToArticle(id, { kind: "WARM" }, reader("2001:db8:1:2:ffff:ffff:ffff:1"));
    await reactToArticle(id, { kind: "LIKE" }, reader("::ffff:198.51.100.7"));
    // Other networks are other readers.
    await reactToArticle(id, { kind: "WARM" }, reader("2001:db8:1:3::a"));
    await reactToArticle(id, { kind: "WARM" }, reader("198.51.100.8"));
    expect((await getReactionCounts(id)).counts).toEqual({ LIKE: 1, WARM: 3, SAD: 0, ANGRY: 0, FOLLOW_UP: 0 });
    expect(await db.articleReaction.count({ where: { articleId: id } })).toBe(4);
  });

  it("bad input is a Korean 400 that stores nothing", async () => {
    const id = await publishedStory("잘못된 반응");
    await expect(reactToArticle(id, { kind: "LOVE" }, reader("203.0.113.20"))).rejects.toMatchObject({ code: "VALIDATION", message: expect.stringContaining("가운데 하나") });
    await expect(reactToArticle(id, {}, reader("203.0.113.20"))).rejects.toMatchObject({ code: "VALIDATION" });
    await expect(reactToArticle(id, new MalformedBody(), reader("203.0.113.20"))).rejects.toMatchObject({ code: "VALIDATION", message: "요청 본문이 올바른 JSON이 아닙니다." });
    expect(await db.articleReaction.count({ where: { articleId: id } })).toBe(0);
  });

  it("none lost, none doubled: 300 readers at once, and one reader clicking 20 times at once", async () => {
    const id = await publishedStory("동시 반응 기사");
    const kinds = ["LIKE", "WARM", "SAD", "ANGRY", "FOLLOW_UP"] as const;
    const answers = await Promise.all(Array.from({ length: 300 }, (_, i) => reactToArticle(id, { kind: kinds[i % 5] }, reader(`10.1.${Math.floor(i / 250)}.${i % 250}`))));
    expect(answers.every((answer) => answer.previous === null)).toBe(true);
    expect(await getReactionCounts(id)).toEqual({ articleId: id, counts: { LIKE: 60, WARM: 60, SAD: 60, ANGRY: 60, FOLLOW_UP: 60 }, total: 300 });
    // Clicks that arrive together are committed together (lib/reactions/reaction-writer.ts): rows
    // written by one transaction share its xmin.
    const [{ commits }] = await db.$queryRaw<[{ commits: number }]>`SELECT count(DISTINCT xmin::text)::int AS "commits" FROM "ArticleReaction" WHERE "articleId" = ${id}`;
    expect(commits).toBeLessThan(300);
    const same = reader("10.9.9.9");
    const clicks = await Promise.all(Array.from({ length: 20 }, (_, i) => reactToArticle(id, { kind: kinds[i % 5] }, same)));
    expect(await db.articleReaction.count({ where: { articleId: id } })).toBe(301);
    // In the order they came: each click's "before" is the click before it.
    expect(clicks.map((click) => click.previous)).toEqual([null, ...clicks.slice(0, -1).map((click) => click.kind)]);
    expect(clicks.at(-1)!.kind).toBe(kinds[19 % 5]);
  });

  it("a withdrawal between clicks of the same reader is written in its turn", async () => {
    const id = await publishedStory("반응 순서 기사");
    const one = reader("10.9.8.7");
    const [first, withdrawn, again] = await Promise.all([reactToArticle(id, { kind: "LIKE" }, one), withdrawReaction(id, one), reactToArticle(id, { kind: "SAD" }, one)]);
    expect([first.previous, withdrawn.previous, again.previous]).toEqual([null, "LIKE", null]);
    expect((await getReactionCounts(id)).counts).toMatchObject({ LIKE: 0, SAD: 1 });
  });
});

describe("only on stories readers may see", () => {
  it("a planted private story refuses reactions and counts (404, as if it did not exist); the public control takes them", async () => {
    for (const kind of ["draft", "submitted", "scheduled", "unpublished"] as const) {
      const id = planted.ids[kind];
      await expect(reactToArticle(id, { kind: "LIKE" }, reader("203.0.113.30")), kind).rejects.toMatchObject({ code: "NOT_FOUND" });
      await expect(withdrawReaction(id, reader("203.0.113.30")), kind).rejects.toMatchObject({ code: "NOT_FOUND" });
      await expect(getReactionCounts(id), kind).rejects.toMatchObject({ code: "NOT_FOUND" });
    }
    await expect(reactToArticle(999_999, { kind: "LIKE" }, reader("203.0.113.30"))).rejects.toMatchObject({ code: "NOT_FOUND" });
    expect(await reactToArticle(planted.ids.published, { kind: "LIKE" }, reader("203.0.113.30"))).toMatchObject({ kind: "LIKE" });
    expect((await getReactionCounts(planted.ids.published)).total).toBe(1);
  });

  it("a withdrawn story's reactions stop counting for readers", async () => {
    const id = await publishedStory("내려갈 기사");
    await reactToArticle(id, { kind: "LIKE" }, reader("203.0.113.40"));
    await unpublishArticle(editor, id, { reason: "확인 필요" });
    await expect(getReactionCounts(id)).rejects.toMatchObject({ code: "NOT_FOUND" });
    await expect(reactToArticle(id, { kind: "SAD" }, reader("203.0.113.41"))).rejects.toMatchObject({ code: "NOT_FOUND" });
  });
});

describe("the desk's follow-up requests", () => {
  it("lists the stories readers asked follow-ups for, most asked first, public stories only, for the desk alone", async () => {
    const many = await publishedStory("전세사기 피해 대책 발표");
    const few = await publishedStory("동네 도서관 휴관");
    for (let i = 0; i < 4; i += 1) await reactToArticle(many, { kind: "FOLLOW_UP" }, reader(`172.16.0.${i}`));
    await reactToArticle(many, { kind: "ANGRY" }, reader("172.16.0.9"));
    for (let i = 0; i < 2; i += 1) await reactToArticle(few, { kind: "FOLLOW_UP" }, reader(`172.16.1.${i}`));
    // A request changed to another reaction no longer counts.
    await reactToArticle(few, { kind: "FOLLOW_UP" }, reader("172.16.1.5"));
    await reactToArticle(few, { kind: "LIKE" }, reader("172.16.1.5"));

    await expect(listFollowUpRequests(reporter)).rejects.toMatchObject({ code: "FORBIDDEN" });
    const list = await listFollowUpRequests(editor);
    const ours = list.filter((row) => row.articleId === many || row.articleId === few);
    expect(ours).toEqual([
      expect.objectContaining({ articleId: many, headline: "전세사기 피해 대책 발표", requests: 4, reactions: 5 }),
      expect.objectContaining({ articleId: few, headline: "동네 도서관 휴관", requests: 2, reactions: 3 }),
    ]);
    // The planted private stories carry follow-up requests too: not listed.
    expectNoPlantedStory(planted, JSON.stringify(list), "the desk's follow-up list");
    for (const kind of ["draft", "submitted", "scheduled", "unpublished"] as const) expect(list.map((row) => row.articleId)).not.toContain(planted.ids[kind]);
  });
});
