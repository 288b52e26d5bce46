// What the consumers of domain events leave behind for a story's whole life at the desk: the
// security log's entries, the transition records, the reporter's notifications and the search
// index entry, each written from the event in the change's transaction (lib/events/consumers.ts).
import { beforeAll, describe, expect, it } from "vitest";
import { saveArticle } from "@/lib/articles/editor/edit-article";
import { approveArticle, cancelSchedule, republishArticle, rescheduleArticle, returnArticle, submitArticle, unpublishArticle } from "@/lib/articles/workflow/transitions";
import type { StaffUser } from "@/lib/auth/staff-user";
import { db } from "@/lib/db";
import { createStaff } from "../support/staff-fixtures";
import { submittableDraft, versionOf } from "../support/story-fixtures";

let reporter: StaffUser;
let editor: StaffUser;

beforeAll(async () => {
  reporter = await createStaff("REPORTER");
  editor = await createStaff("EDITOR");
});

const revisionIdOf = async (id: number, number: number) => (await db.articleRevision.findUniqueOrThrow({ where: { articleId_number: { articleId: id, number } } })).id;

const auditOf = async (id: number) =>
  (await db.auditLog.findMany({ where: { targetType: "Article", targetId: String(id) }, orderBy: [{ createdAt: "asc" }, { id: "asc" }] })).map((entry) => ({
    actor: entry.actorId,
    action: entry.action,
    detail: entry.detail,
  }));

const transitionsOf = async (id: number) =>
  (await db.articleTransition.findMany({ where: { articleId: id }, orderBy: [{ createdAt: "asc" }, { id: "asc" }] })).map((record) => ({
    kind: record.kind,
    from: record.fromStatus,
    to: record.toStatus,
    actor: record.actorId,
    note: record.note,
    publishAt: record.publishAt?.toISOString() ?? null,
    correctionType: record.correctionType,
    revisionNumber: record.revisionNumber,
    at: record.createdAt.toISOString(),
  }));

const notificationsOf = async (id: number) =>
  (await db.staffNotification.findMany({ where: { articleId: id }, orderBy: [{ notifyAt: "asc" }, { kind: "asc" }] })).map((row) => ({
    user: row.userId,
    kind: row.kind,
    note: row.note,
    at: row.notifyAt.toISOString(),
  }));

const indexed = async (id: number) => (await db.articleSearchDocument.count({ where: { articleId: id } })) === 1;

describe("the consumers of a story's events", () => {
  it("submit, return, schedule, move, cancel, publish, correct, unpublish, republish: the record, the log, the notifications and the index follow each", async () => {
    const t = (minute: number) => new Date(Date.UTC(2026, 11, 7, 1, minute));
    const draft = await submittableDraft(reporter, { headline: "소비자 기록 시험" });
    const id = draft.id;
    await saveArticle(reporter, id, { version: await versionOf(id), headline: "소비자 기록 시험 2", autosave: true }, t(0));
    await saveArticle(reporter, id, { version: await versionOf(id), headline: "소비자 기록 시험 3" }, t(1));
    await submitArticle(reporter, id, t(2));
    await returnArticle(editor, id, { note: "출처를 밝혀 주세요." }, t(3));
    await submitArticle(reporter, id, t(4));
    await approveArticle(editor, id, { version: await versionOf(id), publishAt: "2099-01-01T00:00:00.000Z" }, t(5));
    expect(await indexed(id)).toBe(true);
    await rescheduleArticle(editor, id, { publishAt: "2099-01-02T00:00:00.000Z" }, t(6));
    await cancelSchedule(editor, id, { note: "지면 사정" }, t(7));
    expect(await indexed(id)).toBe(false);
    await approveArticle(editor, id, { version: await versionOf(id) }, t(8));
    expect(await indexed(id)).toBe(true);
    await saveArticle(editor, id, { version: await versionOf(id), headline: "소비자 기록 시험 4" }, t(9));
    await approveArticle(editor, id, { version: await versionOf(id), correctionType: "CORRECTION", correctionNote: "제목을 바로잡았습니다." }, t(10));
    await unpublishArticle(editor, id, { reason: "사실 확인 중" }, t(11));
    expect(await indexed(id)).toBe(false);
    await republishArticle(editor, id, { reason: "확인 끝" }, t(12));
    expect(await indexed(id)).toBe(true);

    // Revisions: 1 created, 2 save, 3 submit, 4 return, 5 submit, 6 approve (scheduled), 7 approve, 8 save, 9 correction.
    const [scheduledRevision, publishedRevision, correctionRevision] = await Promise.all([revisionIdOf(id, 6), revisionIdOf(id, 7), revisionIdOf(id, 9)]);
    expect(await auditOf(id)).toEqual([
      { actor: reporter.id, action: "article.create", detail: null },
      { actor: reporter.id, action: "article.save", detail: null },
      { actor: reporter.id, action: "article.submit", detail: null },
      { actor: editor.id, action: "article.return", detail: { note: "출처를 밝혀 주세요." } },
      { actor: reporter.id, action: "article.submit", detail: null },
      { actor: editor.id, action: "article.schedule", detail: { revisionId: scheduledRevision, publishAt: "2099-01-01T00:00:00.000Z" } },
      { actor: editor.id, action: "article.reschedule", detail: { from: "2099-01-01T00:00:00.000Z", publishAt: "2099-01-02T00:00:00.000Z" } },
      { actor: editor.id, action: "article.cancel-schedule", detail: { publishAt: "2099-01-02T00:00:00.000Z", note: "지면 사정" } },
      { actor: editor.id, action: "article.publish", detail: { revisionId: publishedRevision } },
      { actor: editor.id, action: "article.save", detail: null },
      { actor: editor.id, action: "article.correct", detail: { revisionId: correctionRevision, correctionType: "CORRECTION", correctionNote: "제목을 바로잡았습니다." } },
      { actor: editor.id, action: "article.unpublish", detail: { reason: "사실 확인 중" } },
      { actor: editor.id, action: "article.republish", detail: { reason: "확인 끝" } },
    ]);

    const record = { actor: editor.id, note: null, publishAt: null, correctionType: null, revisionNumber: null };
    expect(await transitionsOf(id)).toEqual([
      { ...record, kind: "SUBMIT", from: "DRAFT", to: "SUBMITTED", actor: reporter.id, revisionNumber: 3, at: t(2).toISOString() },
      { ...record, kind: "RETURN", from: "SUBMITTED", to: "DRAFT", note: "출처를 밝혀 주세요.", revisionNumber: 4, at: t(3).toISOString() },
      { ...record, kind: "SUBMIT", from: "DRAFT", to: "SUBMITTED", actor: reporter.id, revisionNumber: 5, at: t(4).toISOString() },
      { ...record, kind: "SCHEDULE", from: "SUBMITTED", to: "SCHEDULED", publishAt: "2099-01-01T00:00:00.000Z", revisionNumber: 6, at: t(5).toISOString() },
      { ...record, kind: "RESCHEDULE", from: "SCHEDULED", to: "SCHEDULED", publishAt: "2099-01-02T00:00:00.000Z", at: t(6).toISOString() },
      { ...record, kind: "CANCEL_SCHEDULE", from: "SCHEDULED", to: "SUBMITTED", note: "지면 사정", at: t(7).toISOString() },
      { ...record, kind: "PUBLISH", from: "SUBMITTED", to: "PUBLISHED", revisionNumber: 7, at: t(8).toISOString() },
      { ...record, kind: "APPROVE_UPDATE", from: "PUBLISHED", to: "PUBLISHED", note: "제목을 바로잡았습니다.", correctionType: "CORRECTION", revisionNumber: 9, at: t(10).toISOString() },
      { ...record, kind: "UNPUBLISH", from: "PUBLISHED", to: "UNPUBLISHED", note: "사실 확인 중", at: t(11).toISOString() },
      { ...record, kind: "REPUBLISH", from: "UNPUBLISHED", to: "PUBLISHED", note: "확인 끝", at: t(12).toISOString() },
    ]);

    // The schedule's "published" notice went with the cancelled schedule; the publication brought its own.
    expect(await notificationsOf(id)).toEqual([
      { user: reporter.id, kind: "RETURNED", note: "출처를 밝혀 주세요.", at: t(3).toISOString() },
      { user: reporter.id, kind: "APPROVED", note: "2099-01-01 09:00:00 발행 예정", at: t(5).toISOString() },
      { user: reporter.id, kind: "PUBLISHED", note: null, at: t(8).toISOString() },
    ]);
  });

  it("an update approved before readers saw the story moves its time, its log and the reporter's notice", async () => {
    const draft = await submittableDraft(reporter, { headline: "공개 전 수정 승인" });
    const id = draft.id;
    const now = new Date(Date.UTC(2026, 11, 7, 2, 0));
    await submitArticle(reporter, id, now);
    await approveArticle(editor, id, { version: await versionOf(id), publishAt: "2099-02-01T00:00:00.000Z" }, now);
    await saveArticle(editor, id, { version: await versionOf(id), headline: "공개 전 수정 승인 2" }, now);
    await approveArticle(editor, id, { version: await versionOf(id) }, now);
    await saveArticle(editor, id, { version: await versionOf(id), headline: "공개 전 수정 승인 3" }, now);
    await approveArticle(editor, id, { version: await versionOf(id), publishAt: "2099-02-03T00:00:00.000Z" }, now);

    const [first, second] = await Promise.all([revisionIdOf(id, 5), revisionIdOf(id, 7)]);
    expect((await auditOf(id)).filter((entry) => entry.action !== "article.save").slice(-2)).toEqual([
      { actor: editor.id, action: "article.approve-update", detail: { revisionId: first, publishAt: null } },
      { actor: editor.id, action: "article.reschedule", detail: { revisionId: second, publishAt: "2099-02-03T00:00:00.000Z" } },
    ]);
    expect((await transitionsOf(id)).slice(-2).map(({ kind, from, to, publishAt, revisionNumber }) => ({ kind, from, to, publishAt, revisionNumber }))).toEqual([
      { kind: "APPROVE_UPDATE", from: "SCHEDULED", to: "SCHEDULED", publishAt: null, revisionNumber: 5 },
      { kind: "APPROVE_UPDATE", from: "SCHEDULED", to: "SCHEDULED", publishAt: "2099-02-03T00:00:00.000Z", revisionNumber: 7 },
    ]);
    expect((await notificationsOf(id)).map(({ kind, at }) => ({ kind, at }))).toEqual([
      { kind: "APPROVED", at: now.toISOString() },
      { kind: "PUBLISHED", at: "2099-02-03T00:00:00.000Z" },
    ]);
    expect(await indexed(id)).toBe(true);
  });
});
