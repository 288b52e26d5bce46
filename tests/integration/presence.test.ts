// Presence and takeover: who has a story open, the desk taking it over, and the server refusing
// the displaced person's saves until they open the story again.
import { beforeAll, describe, expect, it } from "vitest";
import { createArticleDraft, saveArticle } from "@/lib/articles/editor/edit-article";
import { heartbeatPresence, PRESENCE_TTL_MS, releasePresence } from "@/lib/articles/editor/presence";
import { restoreRevision } from "@/lib/articles/revisions/revision-history";
import type { StaffUser } from "@/lib/auth/staff-user";
import { db } from "@/lib/db";
import { DomainError } from "@/lib/errors";
import { createStaff } from "../support/staff-fixtures";

let reporter: StaffUser;
let editor: StaffUser;
let otherEditor: StaffUser;

beforeAll(async () => {
  reporter = await createStaff("REPORTER", { name: "최하은", title: "인턴기자" });
  editor = await createStaff("EDITOR", { name: "박서연", title: "선임기자" });
  otherEditor = await createStaff("EDITOR", { name: "정민호" });
});

const newStory = async () => (await createArticleDraft(reporter, { headline: "현장 기사" })).id;
const errorOf = (promise: Promise<unknown>) => promise.then(() => null, (error: unknown) => error);

describe("presence", () => {
  it("the first person holds the story; the second sees who; an editor takes over; the first is told and their saves are refused", async () => {
    const id = await newStory();
    const now = new Date();

    const first = await heartbeatPresence(reporter, id, {}, now);
    expect(first).toEqual({
      holder: { id: reporter.id, name: "최하은", title: "인턴기자" },
      mine: true,
      takenOverBy: null,
      expiresAt: new Date(now.getTime() + PRESENCE_TTL_MS).toISOString(),
    });

    const second = await heartbeatPresence(editor, id, {}, now);
    expect(second).toMatchObject({ holder: { id: reporter.id, name: "최하은" }, mine: false, takenOverBy: null });
    // A save by someone who does not hold the story is still only guarded by the version.
    const takenOverVersion = (await saveArticle(reporter, id, { version: 1, headline: "기자가 쓰던 제목", autosave: true })).version;

    const taken = await heartbeatPresence(editor, id, { takeOver: true }, now);
    expect(taken).toMatchObject({ holder: { id: editor.id, name: "박서연", title: "선임기자" }, mine: true, takenOverBy: null });
    expect(await db.auditLog.count({ where: { action: "article.takeover", targetId: String(id), actorId: editor.id } })).toBe(1);

    // The reporter's next heartbeat says so, and does not grab the story back.
    const told = await heartbeatPresence(reporter, id, {}, new Date(now.getTime() + 15_000));
    expect(told).toMatchObject({ mine: false, takenOverBy: { id: editor.id, name: "박서연" }, holder: { id: editor.id } });
    expect((await db.articleEditLock.findUniqueOrThrow({ where: { articleId: id } })).userId).toBe(editor.id);

    // Their saves are refused by the server, autosave or not, restore too, and nothing is stored.
    const events = await db.domainEvent.count();
    for (const autosave of [true, false]) {
      const error = await errorOf(saveArticle(reporter, id, { version: takenOverVersion, headline: "넘겨준 뒤 쓴 제목", autosave }));
      expect(error).toBeInstanceOf(DomainError);
      expect(error).toMatchObject({ code: "CONFLICT", details: { reason: "taken-over", takenOverBy: { id: editor.id, name: "박서연" } } });
      expect((error as DomainError).message).toContain("박서연님이 이 기사 편집을 넘겨받았습니다");
    }
    expect(await errorOf(restoreRevision(reporter, id, 1, { version: takenOverVersion }))).toMatchObject({ code: "CONFLICT", details: { reason: "taken-over" } });
    expect(await db.domainEvent.count()).toBe(events);
    expect((await db.article.findUniqueOrThrow({ where: { id } })).headline).toBe("기자가 쓰던 제목");

    // The editor saves freely.
    const edited = await saveArticle(editor, id, { version: takenOverVersion, headline: "데스크가 고친 제목" });

    // Reopening the story ends the notice: the reporter now sees the editor holding it, and may save again (version-checked).
    const reopened = await heartbeatPresence(reporter, id, { opening: true }, new Date(now.getTime() + 30_000));
    expect(reopened).toMatchObject({ mine: false, takenOverBy: null, holder: { id: editor.id } });
    expect((await saveArticle(reporter, id, { version: edited.version, headline: "다시 연 뒤 쓴 제목" })).headline).toBe("다시 연 뒤 쓴 제목");
  });

  it("closing the page (release) lets go of the story and ends a takeover notice", async () => {
    const id = await newStory();
    await heartbeatPresence(reporter, id, {});
    await heartbeatPresence(editor, id, { takeOver: true });
    await releasePresence(reporter, id);
    expect(await db.articleEditTakeover.count({ where: { articleId: id } })).toBe(0);
    // The reporter's release does not free the editor's hold.
    expect((await heartbeatPresence(otherEditor, id, {})).holder?.id).toBe(editor.id);
    await releasePresence(editor, id);
    expect(await heartbeatPresence(otherEditor, id, {})).toMatchObject({ mine: true, holder: { id: otherEditor.id } });
  });

  it("a hold without a heartbeat for 45 seconds is free for the next person, without a takeover", async () => {
    const id = await newStory();
    const start = new Date();
    await heartbeatPresence(reporter, id, {}, start);
    expect((await heartbeatPresence(editor, id, {}, new Date(start.getTime() + PRESENCE_TTL_MS - 1))).mine).toBe(false);
    const later = new Date(start.getTime() + PRESENCE_TTL_MS);
    expect(await heartbeatPresence(editor, id, {}, later)).toMatchObject({ mine: true, holder: { id: editor.id } });
    expect(await heartbeatPresence(reporter, id, {}, later)).toMatchObject({ mine: false, takenOverBy: null });
    expect(await db.auditLog.count({ where: { action: "article.takeover", targetId: String(id) } })).toBe(0);
  });

  it("two people opening a free story at the same moment: exactly one holds it", async () => {
    for (let round = 0; round < 5; round += 1) {
      const id = await newStory();
      const results = await Promise.all([heartbeatPresence(editor, id, {}), heartbeatPresence(otherEditor, id, {})]);
      expect(results.filter((result) => result.mine)).toHaveLength(1);
    }
  });

  it("a reporter cannot take over, nor hold someone else's story; the expiry (written by raw SQL) reads back exactly", async () => {
    const id = await newStory();
    await heartbeatPresence(editor, id, {});
    expect(await errorOf(heartbeatPresence(reporter, id, { takeOver: true }))).toMatchObject({ code: "FORBIDDEN" });
    const stranger = await createStaff("REPORTER");
    expect(await errorOf(heartbeatPresence(stranger, id, {}))).toMatchObject({ code: "FORBIDDEN" });
    expect(await errorOf(heartbeatPresence(editor, id, { takeOver: "yes" }))).toMatchObject({ code: "VALIDATION" });
    expect(await errorOf(heartbeatPresence(editor, 999_999, {}))).toMatchObject({ code: "NOT_FOUND" });
    const now = new Date();
    const fresh = await newStory();
    await heartbeatPresence(otherEditor, fresh, {}, now);
    const lock = await db.articleEditLock.findUniqueOrThrow({ where: { articleId: fresh } });
    expect(lock.expiresAt.getTime()).toBe(now.getTime() + PRESENCE_TTL_MS);
  });
});
