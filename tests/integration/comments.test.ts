// Readers' comments against a real PostgreSQL: post, list, count, like, report to auto-hide, ban,
// close, delete with the password; stories that are not public refuse comments and never list
// them; the flood rules with a controlled clock; blocked words hold or reject.
import { beforeAll, describe, expect, it } from "vitest";
import { publiclyVisibleSql, publiclyVisibleWhere } from "@/lib/articles/public/visibility";
import type { StaffUser } from "@/lib/auth/staff-user";
import { addBlockedWords } from "@/lib/comments/blocked-word-list";
import { likeComment, reportComment } from "@/lib/comments/comment-reactions";
import { updateCommentSettings, DEFAULT_COMMENT_SETTINGS } from "@/lib/comments/comment-settings";
import { sourceTag, type CommentVisitor } from "@/lib/comments/comment-source";
import { deleteOwnComment } from "@/lib/comments/delete-comment";
import { listPublicComments } from "@/lib/comments/list-comments";
import { banCommentSources, liftBan, listModerationQueue, moderateComments, setCommentsClosed } from "@/lib/comments/moderation";
import { postComment } from "@/lib/comments/post-comment";
import { db } from "@/lib/db";
import { DomainError } from "@/lib/errors";
import { Prisma } from "@/lib/generated/prisma/client";
import { expectNoPlantedStory, plantStories, privateStoryIds, type PlantedStories } from "../support/planted-stories";
import { createArticle, createStaff } from "../support/staff-fixtures";
import { ipv4Visitor, ipv6Visitor } from "../support/comment-visitors";

let editor: StaffUser;
let admin: StaffUser;
let planted: PlantedStories;
let sourceCounter = 0;

/** A visitor from an address no other test uses. */
const newVisitor = (): CommentVisitor => ipv4Visitor(`test-source-${process.pid}-${(sourceCounter += 1)}`);
const comment = (body: string, nickname = "동네주민") => ({ nickname, password: "1234", body });
const failureOf = (promise: Promise<unknown>) =>
  promise.then(
    () => null,
    (error: unknown) => (error instanceof DomainError ? { code: error.code, message: error.message, details: error.details } : { code: `unexpected: ${String(error)}` }),
  );

/** A public story, published three days ago (tests post with clocks up to two hours back). */
async function publishedStory() {
  const { id } = await createArticle(editor.id, "PUBLISHED");
  await db.article.update({ where: { id }, data: { publishedAt: new Date(Date.now() - 3 * 24 * 3_600_000) } });
  return id;
}

beforeAll(async () => {
  editor = await createStaff("EDITOR");
  admin = await createStaff("ADMIN");
  planted = await plantStories(db);
});

describe("posting and listing", () => {
  it("a guest posts; the list shows it newest first with nickname, tag and count; nothing private leaks", async () => {
    const articleId = await publishedStory();
    const reader = newVisitor();
    const t0 = new Date(Date.now() - 60_000);
    const first = await postComment(articleId, comment("첫 번째 댓글입니다.", "첫손님"), reader, t0);
    const second = await postComment(articleId, comment("두 번째 댓글\n줄을 바꿨어요", "둘째손님"), newVisitor(), new Date(t0.getTime() + 1000));
    expect(first).toMatchObject({ status: "VISIBLE", heldReason: null });

    const page = await listPublicComments(articleId, {});
    expect(page.count).toBe(2);
    expect(page.comments.map((c) => c.id)).toEqual([second.id, first.id]);
    expect(page.comments[1]).toMatchObject({ nickname: "첫손님", body: "첫 번째 댓글입니다.", tag: sourceTag(reader.source), likeCount: 0 });
    expect(page.comments[1]?.tag).toMatch(/^[0-9a-z]{5}$/);
    const json = JSON.stringify(page);
    expect(json).not.toContain(reader.source);
    expect(json).not.toContain("argon2");
    const stored = await db.comment.findUniqueOrThrow({ where: { id: first.id } });
    expect(stored.guestPasswordHash).toMatch(/^\$argon2id\$v=19\$m=2048,t=1,p=1\$/);
  });

  it("pages with a cursor (더보기) and sorts by likes", async () => {
    const articleId = await publishedStory();
    const base = Date.now() - 10 * 60_000;
    const ids: number[] = [];
    for (let i = 0; i < 5; i += 1) ids.push((await postComment(articleId, comment(`댓글 ${i}`), newVisitor(), new Date(base + i * 1000))).id);
    const first = await listPublicComments(articleId, { limit: "2" });
    expect(first.comments.map((c) => c.id)).toEqual([ids[4], ids[3]]);
    const second = await listPublicComments(articleId, { limit: "2", cursor: first.nextCursor ?? "" });
    expect(second.comments.map((c) => c.id)).toEqual([ids[2], ids[1]]);
    const third = await listPublicComments(articleId, { limit: "2", cursor: second.nextCursor ?? "" });
    expect(third.comments.map((c) => c.id)).toEqual([ids[0]]);
    expect(third.nextCursor).toBeNull();

    for (const _ of [1, 2, 3]) await likeComment(ids[1] ?? 0, newVisitor());
    await likeComment(ids[3] ?? 0, newVisitor());
    const byLikes = await listPublicComments(articleId, { sort: "likes", limit: "2" });
    expect(byLikes.comments.map((c) => [c.id, c.likeCount])).toEqual([
      [ids[1], 3],
      [ids[3], 1],
    ]);
    const rest = await listPublicComments(articleId, { sort: "likes", limit: "10", cursor: byLikes.nextCursor ?? "" });
    expect(rest.comments.map((c) => c.id)).toEqual([ids[4], ids[2], ids[0]]);
  });

  it("refuses bad input with Korean messages: too long (251 graphemes), empty, bad nickname", async () => {
    const articleId = await publishedStory();
    const longBody = "가".repeat(251);
    const tooLong = await failureOf(postComment(articleId, comment(longBody), newVisitor()));
    expect(tooLong).toMatchObject({ code: "VALIDATION" });
    expect(tooLong?.message).toContain("띄어쓰기를 포함하여 250자 이내로 써주세요");
    expect(await failureOf(postComment(articleId, comment("가".repeat(250)), newVisitor()))).toBeNull();
    expect(await failureOf(postComment(articleId, comment("  \u200B \n "), newVisitor()))).toMatchObject({ code: "VALIDATION", message: "댓글 내용을 입력하세요." });
    expect(await failureOf(postComment(articleId, comment("좋은 기사", "가"), newVisitor()))).toMatchObject({ code: "VALIDATION" });
    expect(await failureOf(postComment(articleId, comment("좋은 기사", "[관리자]"), newVisitor()))).toMatchObject({ code: "VALIDATION" });
    expect(await failureOf(postComment(articleId, comment("좋은 기사", "누리일보 운영자"), newVisitor()))).toMatchObject({ code: "VALIDATION" });
    expect(await failureOf(postComment(articleId, { nickname: "손님", body: "비밀번호 없음" }, newVisitor()))).toMatchObject({ code: "VALIDATION" });
  });

  it("refuses nicknames that pass for the paper or an active staff member, however they are written", async () => {
    const articleId = await publishedStory();
    const desk = await createStaff("EDITOR", { name: "도윤서", title: "선임기자" });
    for (const nickname of ["도윤서 선임기자", "도.윤.서 기자", "선임기자 도윤서", "도윤서", "누리 일보", "관 리 자", "ＡＤＭＩＮ", "운영-자"]) {
      const refused = await failureOf(postComment(articleId, comment("좋은 기사입니다", nickname), newVisitor()));
      expect(refused, nickname).toMatchObject({ code: "VALIDATION", details: { fieldErrors: { nickname: expect.stringContaining("보일 수 있는 닉네임은 쓸 수 없습니다") } } });
    }
    expect(await failureOf(postComment(articleId, comment("좋은 기사입니다", "도윤서팬"), newVisitor()))).toBeNull();
    // A name stops being protected when its owner leaves (the check follows the staff list at once).
    await db.user.update({ where: { id: desk.id }, data: { active: false } });
    expect(await failureOf(postComment(articleId, comment("좋은 기사입니다", "도윤서 기자"), newVisitor()))).toBeNull();
  });

  it("stores plain text: NFC, trimmed, invisible and bidi characters removed", async () => {
    const articleId = await publishedStory();
    const raw = "  \u1112\u1161\u11AB\u1100\u1173\u11AF \u202Eevil\u202C 시\u200B발점  ";
    const { id } = await postComment(articleId, comment(raw), newVisitor());
    expect((await db.comment.findUniqueOrThrow({ where: { id } })).body).toBe("한글 evil 시발점");
  });
});

describe("stories that are not public", () => {
  it("the SQL and Prisma forms of the visibility rule agree on the planted stories", async () => {
    const now = new Date();
    const ids = Object.values(planted.ids);
    const byPrisma = (await db.article.findMany({ where: { id: { in: ids }, ...publiclyVisibleWhere(now) }, select: { id: true } })).map((row) => row.id).sort();
    const bySql = (await db.$queryRaw<{ id: number }[]>`SELECT a."id" FROM "Article" a WHERE a."id" IN (${Prisma.join(ids)}) AND ${publiclyVisibleSql("a", now)}`).map((row) => row.id).sort();
    expect(bySql).toEqual(byPrisma);
    expect(byPrisma).toEqual([planted.ids.pendingUpdate, planted.ids.published].sort());
  });

  it.each(["draft", "submitted", "scheduled", "unpublished"] as const)("a %s story refuses comments (404) and its comments never list", async (kind) => {
    const id = planted.ids[kind];
    expect(await failureOf(postComment(id, comment("몰래 댓글"), newVisitor()))).toMatchObject({ code: "NOT_FOUND" });
    // Even a comment that got there somehow (written while it was public) is not listed.
    await db.comment.create({ data: { articleId: id, body: `${planted.markers[kind]} 댓글`, guestName: "과거", ipHash: "x", status: "VISIBLE" } });
    expect(await failureOf(listPublicComments(id, {}))).toMatchObject({ code: "NOT_FOUND" });
  });

  it("covers every private planted story", () => {
    expect(privateStoryIds(planted).map((story) => story.kind).sort()).toEqual(["draft", "scheduled", "submitted", "unpublished"]);
  });

  it("the published planted story takes comments and its list shows nothing private", async () => {
    await postComment(planted.ids.published, comment("공개 기사에 단 댓글"), newVisitor());
    expectNoPlantedStory(planted, JSON.stringify(await listPublicComments(planted.ids.published, {})), "the comment list");
  });
});

describe("likes and reports", () => {
  it("a visitor likes once; their own comment cannot be liked; a hidden comment cannot be liked", async () => {
    const articleId = await publishedStory();
    const writer = newVisitor();
    const { id } = await postComment(articleId, comment("공감해 주세요"), writer);
    const fan = newVisitor();
    expect(await likeComment(id, fan)).toEqual({ likeCount: 1 });
    expect(await failureOf(likeComment(id, fan))).toMatchObject({ code: "CONFLICT", message: "이미 공감한 댓글입니다." });
    expect(await failureOf(likeComment(id, writer))).toMatchObject({ code: "FORBIDDEN" });
    expect(await db.commentLike.count({ where: { commentId: id } })).toBe(1);
    await moderateComments(editor, { ids: [id], action: "hide" });
    expect(await failureOf(likeComment(id, newVisitor()))).toMatchObject({ code: "NOT_FOUND" });
  });

  it("reports from 3 different visitors hide a comment until the desk decides; a restored comment stays up", async () => {
    const articleId = await publishedStory();
    const { id } = await postComment(articleId, comment("논란이 될 댓글"), newVisitor());
    const first = newVisitor();
    expect(await reportComment(id, { reason: "abuse" }, first)).toEqual({ hidden: false });
    expect(await failureOf(reportComment(id, { reason: "abuse" }, first))).toMatchObject({ code: "CONFLICT" });
    expect(await reportComment(id, { reason: "slander", detail: "특정인 비방" }, newVisitor())).toEqual({ hidden: false });
    expect((await listPublicComments(articleId, {})).count).toBe(1);
    expect(await reportComment(id, { reason: "false" }, newVisitor())).toEqual({ hidden: true });
    expect((await listPublicComments(articleId, {})).count).toBe(0);
    const row = await db.comment.findUniqueOrThrow({ where: { id } });
    expect(row).toMatchObject({ status: "HIDDEN", hiddenReason: "reports", reportCount: 3 });
    expect(await db.domainEvent.count({ where: { type: "comment.moderated", payload: { path: ["commentId"], equals: id } } })).toBe(1);

    const queue = await listModerationQueue(editor, { view: "pending" });
    expect(queue.comments.find((c) => c.id === id)?.reportReasons).toContain("명예훼손·비방: 특정인 비방");

    await moderateComments(editor, { ids: [id], action: "restore" });
    expect((await listPublicComments(articleId, {})).count).toBe(1);
    await reportComment(id, { reason: "abuse" }, newVisitor());
    expect((await db.comment.findUniqueOrThrow({ where: { id } })).status).toBe("VISIBLE");
  });

  it("an unknown reason is refused with a Korean message", async () => {
    const articleId = await publishedStory();
    const { id } = await postComment(articleId, comment("신고 사유 시험"), newVisitor());
    expect(await failureOf(reportComment(id, { reason: "because" }, newVisitor()))).toMatchObject({ code: "VALIDATION", message: "신고 사유를 고르세요." });
  });
});

describe("IPv6: one voice per /48 for what one person must not decide alone", () => {
  let networkCounter = 0;
  const newNetwork = () => `test-network-${process.pid}-${(networkCounter += 1)}`;

  it("likes and reports from the /64s of one /48 count once; the writer's /48 cannot like its own comment", async () => {
    const articleId = await publishedStory();
    const home = newNetwork();
    const { id } = await postComment(articleId, comment("한 집에서 여러 번"), ipv6Visitor(home, "1"));
    const neighbour = newNetwork();
    expect(await likeComment(id, ipv6Visitor(neighbour, "1"))).toEqual({ likeCount: 1 });
    expect(await failureOf(likeComment(id, ipv6Visitor(neighbour, "2")))).toMatchObject({ code: "CONFLICT" });
    expect(await failureOf(likeComment(id, ipv6Visitor(home, "2")))).toMatchObject({ code: "FORBIDDEN", message: "내 댓글에는 공감할 수 없습니다." });

    const crowd = newNetwork();
    expect(await reportComment(id, { reason: "abuse" }, ipv6Visitor(crowd, "1"))).toEqual({ hidden: false });
    for (const subnet of ["2", "3", "4"]) expect(await failureOf(reportComment(id, { reason: "abuse" }, ipv6Visitor(crowd, subnet)))).toMatchObject({ code: "CONFLICT" });
    expect((await db.comment.findUniqueOrThrow({ where: { id } })).status).toBe("VISIBLE");
    await reportComment(id, { reason: "abuse" }, ipv6Visitor(newNetwork(), "1"));
    expect(await reportComment(id, { reason: "abuse" }, ipv6Visitor(newNetwork(), "1"))).toEqual({ hidden: true });
  });

  it("flooding: one /64 still once per 15 seconds; one /48 four times within them, whichever /64s", async () => {
    const articleId = await publishedStory();
    const t0 = new Date(Date.now() - 10 * 60_000);
    const at = (seconds: number) => new Date(t0.getTime() + seconds * 1000);
    const network = newNetwork();
    expect(await failureOf(postComment(articleId, comment("첫째"), ipv6Visitor(network, "1"), at(0)))).toBeNull();
    expect(await failureOf(postComment(articleId, comment("같은 /64"), ipv6Visitor(network, "1"), at(1)))).toMatchObject({ code: "LOCKED" });
    for (const [index, subnet] of ["2", "3", "4"].entries()) expect(await failureOf(postComment(articleId, comment(`다른 /64 ${subnet}`), ipv6Visitor(network, subnet), at(2 + index)))).toBeNull();
    const fifth = await failureOf(postComment(articleId, comment("다섯째"), ipv6Visitor(network, "5"), at(6)));
    expect(fifth).toMatchObject({ code: "LOCKED", details: { retryAfterSeconds: 9 } });
    expect(fifth?.message).toContain("같은 네트워크에서");
    // The oldest has left the 15 seconds: room again.
    expect(await failureOf(postComment(articleId, comment("여섯째"), ipv6Visitor(network, "6"), at(16)))).toBeNull();
    // The same text from another /64 of the /48 is the same text.
    expect(await failureOf(postComment(articleId, comment("첫째"), ipv6Visitor(network, "7"), at(40)))).toMatchObject({ code: "LOCKED" });
  });

  it("deleting: guesses from the /64s of one /48 add up (4 x 5 per comment), and lock only that /48", async () => {
    const articleId = await publishedStory();
    const { id } = await postComment(articleId, comment("지킬 댓글"), ipv6Visitor(newNetwork(), "1"), new Date(Date.now() - 60_000));
    const guessers = newNetwork();
    const codes = [];
    for (let i = 0; i < 24; i += 1) codes.push((await failureOf(deleteOwnComment(id, { password: `guess${i}` }, ipv6Visitor(guessers, String(Math.floor(i / 4))))))?.code);
    expect(codes.filter((code) => code === "FORBIDDEN")).toHaveLength(20);
    expect(codes.slice(20)).toEqual(["LOCKED", "LOCKED", "LOCKED", "LOCKED"]);
    expect(await failureOf(deleteOwnComment(id, { password: "1234" }, ipv6Visitor(guessers, "99")))).toMatchObject({ code: "LOCKED" });
    expect(await failureOf(deleteOwnComment(id, { password: "1234" }, ipv6Visitor(newNetwork(), "1")))).toBeNull();
  });
});

describe("the desk", () => {
  it("bans a source for a period: it is told it cannot post; lifting the ban lets it post again", async () => {
    const articleId = await publishedStory();
    const troll = newVisitor();
    const { id } = await postComment(articleId, comment("도배 글"), troll, new Date(Date.now() - 60_000));
    expect(await banCommentSources(editor, { ids: [id], days: 7, reason: "도배", hideComments: true })).toBe(1);
    const refused = await failureOf(postComment(articleId, comment("또 왔다"), troll));
    expect(refused).toMatchObject({ code: "FORBIDDEN", details: { reason: "banned" } });
    expect(refused?.message).toContain("댓글을 쓸 수 없습니다");
    expect((await db.comment.findUniqueOrThrow({ where: { id } })).status).toBe("HIDDEN");
    expect(await failureOf(postComment(articleId, comment("다른 사람"), newVisitor()))).toBeNull();
    const ban = await db.commentBan.findFirstOrThrow({ where: { ipHash: troll.source } });
    await liftBan(editor, { banId: ban.id });
    expect(await failureOf(postComment(articleId, comment("반성했습니다"), troll))).toBeNull();
    expect(await db.auditLog.count({ where: { action: { in: ["comment.ban", "comment.unban"] }, actorId: editor.id } })).toBeGreaterThanOrEqual(2);
  });

  it("closes comments on a story: posts are refused with a Korean message and the list says closed; reopening works", async () => {
    const articleId = await publishedStory();
    await setCommentsClosed(editor, { articleId, closed: true });
    expect(await failureOf(postComment(articleId, comment("닫혔나요"), newVisitor()))).toMatchObject({ code: "FORBIDDEN", message: "이 기사는 댓글을 닫았습니다." });
    expect((await listPublicComments(articleId, {})).closed).toBe(true);
    await setCommentsClosed(editor, { articleId, closed: false });
    expect(await failureOf(postComment(articleId, comment("다시 열렸네요"), newVisitor()))).toBeNull();
    const events = await db.domainEvent.findMany({ where: { type: "article.comments-closed", payload: { path: ["articleId"], equals: articleId } } });
    expect(events.map((event) => (event.payload as { closed: boolean }).closed)).toEqual([true, false]);
  });

  it("hides, restores and deletes in bulk, with audit entries and domain events", async () => {
    const articleId = await publishedStory();
    const ids = [];
    for (const text of ["하나", "둘", "셋"]) ids.push((await postComment(articleId, comment(text), newVisitor())).id);
    expect(await moderateComments(editor, { ids, action: "hide" })).toBe(3);
    expect((await listPublicComments(articleId, {})).count).toBe(0);
    expect(await moderateComments(editor, { ids: ids.slice(0, 2), action: "restore" })).toBe(2);
    expect(await moderateComments(editor, { ids: [ids[2] ?? 0], action: "delete" })).toBe(1);
    expect((await listPublicComments(articleId, {})).count).toBe(2);
    expect(await db.auditLog.count({ where: { action: { in: ["comment.hide", "comment.restore", "comment.delete"] }, targetId: { in: ids.map(String) } } })).toBe(6);
    expect(await db.domainEvent.count({ where: { type: "comment.moderated", payload: { path: ["articleId"], equals: articleId } } })).toBe(6);
    const recent = await listModerationQueue(editor, { view: "recent", articleId });
    expect(recent.comments.map((c) => c.status).sort()).toEqual(["DELETED", "VISIBLE", "VISIBLE"]);
  });
});

describe("deleting one's own comment", () => {
  it("needs the right password; wrong guesses are throttled", async () => {
    const articleId = await publishedStory();
    const writer = newVisitor();
    const { id } = await postComment(articleId, comment("지울 댓글"), writer);
    expect(await failureOf(deleteOwnComment(id, { password: "0000" }, writer))).toMatchObject({ code: "FORBIDDEN", message: "비밀번호가 맞지 않습니다." });
    await deleteOwnComment(id, { password: "1234" }, writer);
    expect((await db.comment.findUniqueOrThrow({ where: { id } })).status).toBe("DELETED");
    expect(await failureOf(deleteOwnComment(id, { password: "1234" }, writer))).toMatchObject({ code: "NOT_FOUND" });

    const target = await postComment(articleId, comment("남의 댓글"), newVisitor(), new Date(Date.now() - 30_000));
    const guesser = newVisitor();
    const codes = [];
    for (let i = 0; i < 7; i += 1) codes.push((await failureOf(deleteOwnComment(target.id, { password: `guess${i}` }, guesser)))?.code);
    expect(codes).toEqual(["FORBIDDEN", "FORBIDDEN", "FORBIDDEN", "FORBIDDEN", "FORBIDDEN", "LOCKED", "LOCKED"]);
    // The guesser is locked for this comment even with the right password, so guessing cannot go on ...
    expect(await failureOf(deleteOwnComment(target.id, { password: "1234" }, guesser))).toMatchObject({ code: "LOCKED" });
    // ... but only the guesser: its writer, from another address, still deletes it.
    expect(await failureOf(deleteOwnComment(target.id, { password: "1234" }, newVisitor()))).toBeNull();
    expect((await db.comment.findUniqueOrThrow({ where: { id: target.id } })).status).toBe("DELETED");
  });

  it("one source guessing across many comments is locked for all of them after 10 wrong passwords", async () => {
    const articleId = await publishedStory();
    const base = Date.now() - 30 * 60_000;
    const targets = [];
    for (let i = 0; i < 4; i += 1) targets.push((await postComment(articleId, comment(`노림수 ${i}`), newVisitor(), new Date(base + i * 20_000))).id);
    const guesser = newVisitor();
    const codes = [];
    for (let i = 0; i < 12; i += 1) codes.push((await failureOf(deleteOwnComment(targets[i % 3] ?? 0, { password: `guess${i}` }, guesser)))?.code);
    expect(codes).toEqual([...Array<string>(10).fill("FORBIDDEN"), "LOCKED", "LOCKED"]);
    // A fourth comment it never guessed at is closed to it too; its writer is not locked out.
    expect(await failureOf(deleteOwnComment(targets[3] ?? 0, { password: "1234" }, guesser))).toMatchObject({ code: "LOCKED" });
    expect(await failureOf(deleteOwnComment(targets[0] ?? 0, { password: "1234" }, newVisitor()))).toBeNull();
  });
});

describe("flooding", () => {
  it("one comment per 15 seconds per source, with Retry-After", async () => {
    const articleId = await publishedStory();
    const reader = newVisitor();
    const t0 = new Date(Date.now() - 3_600_000);
    await postComment(articleId, comment("첫 글"), reader, t0);
    const refused = await failureOf(postComment(articleId, comment("바로 또"), reader, new Date(t0.getTime() + 5_000)));
    expect(refused).toMatchObject({ code: "LOCKED", details: { retryAfterSeconds: 10 } });
    expect(await failureOf(postComment(articleId, comment("15초 뒤"), reader, new Date(t0.getTime() + 15_000)))).toBeNull();
  });

  it("10 per hour per story; another story is still open; the same text twice within an hour is refused", async () => {
    const articleId = await publishedStory();
    const other = await publishedStory();
    const reader = newVisitor();
    const t0 = new Date(Date.now() - 2 * 3_600_000);
    for (let i = 0; i < 10; i += 1) expect(await failureOf(postComment(articleId, comment(`의견 ${i}`), reader, new Date(t0.getTime() + i * 20_000)))).toBeNull();
    const eleventh = await failureOf(postComment(articleId, comment("열한 번째"), reader, new Date(t0.getTime() + 10 * 20_000)));
    expect(eleventh).toMatchObject({ code: "LOCKED" });
    expect(eleventh?.details?.retryAfterSeconds).toBe(3600 - 200);
    expect(await failureOf(postComment(other, comment("다른 기사에는"), reader, new Date(t0.getTime() + 11 * 20_000)))).toBeNull();
    expect(await failureOf(postComment(other, comment("다른 기사에는!!"), reader, new Date(t0.getTime() + 12 * 20_000)))).toMatchObject({ code: "LOCKED" });
    expect(await failureOf(postComment(articleId, comment("한 시간 뒤"), reader, new Date(t0.getTime() + 3_600_000 + 1_000)))).toBeNull();
  });

  it("more than 2 links wait for review (202 path: HELD)", async () => {
    const articleId = await publishedStory();
    const two = await postComment(articleId, comment("https://a.example.com 와 https://b.example.com"), newVisitor());
    const three = await postComment(articleId, comment("https://a.example.com https://b.example.com www.c.com"), newVisitor());
    expect(two.status).toBe("VISIBLE");
    expect(three).toMatchObject({ status: "HELD", heldReason: "links" });
    expect((await listPublicComments(articleId, {})).comments.map((c) => c.id)).toEqual([two.id]);
  });
});

describe("blocked words", () => {
  it("holds a comment with a disguised blocked word by default; rejects it when the admin says so; the starter list is there", async () => {
    const articleId = await publishedStory();
    const held = await postComment(articleId, comment("이 기사 ㅅ1발 뭐냐"), newVisitor());
    expect(held).toMatchObject({ status: "HELD", heldReason: "blocked-word" });
    expect(await db.blockedWord.count()).toBeGreaterThan(50);
    expect((await listModerationQueue(editor, { view: "pending" })).comments.some((c) => c.id === held.id)).toBe(true);

    await updateCommentSettings(admin, { ...DEFAULT_COMMENT_SETTINGS, blockedWordAction: "reject" });
    expect(await failureOf(postComment(articleId, comment("개.새.끼들"), newVisitor()))).toMatchObject({ code: "VALIDATION" });
    expect(await failureOf(postComment(articleId, comment("좋은 기사", "ㅂㅅ같은놈"), newVisitor()))).toMatchObject({ code: "VALIDATION", message: "닉네임에 쓸 수 없는 표현이 있습니다." });
    expect(await failureOf(postComment(articleId, comment("시발점에서 다시 생각해 봅시다"), newVisitor()))).toBeNull();
    await updateCommentSettings(admin, DEFAULT_COMMENT_SETTINGS);
  });

  it("a word the admin adds applies to the next post (the compiled list follows the version)", async () => {
    const articleId = await publishedStory();
    expect((await postComment(articleId, comment("정말 똥멍청이 같은 소리"), newVisitor())).status).toBe("VISIBLE");
    await addBlockedWords(admin, { words: "똥멍청이\n  \n" });
    expect((await postComment(articleId, comment("정말 똥.멍.청.이 같은 소리"), newVisitor())).status).toBe("HELD");
  });
});
