// The desk workflow and its concurrency rules, against the real database.
import { beforeAll, describe, expect, it } from "vitest";
import { createArticleDraft, saveArticle } from "@/lib/articles/editor/edit-article";
import { getArticlePageData, getPublicArticle } from "@/lib/articles/public/public-queries";
import { approveArticle, returnArticle, submitArticle, unpublishArticle } from "@/lib/articles/workflow/transitions";
import type { StaffUser } from "@/lib/auth/staff-user";
import { db } from "@/lib/db";
import type { Db } from "@/lib/db/client";
import { DomainError } from "@/lib/errors";
import { createStaff } from "../support/staff-fixtures";
import { submittableDraft, versionOf } from "../support/story-fixtures";

const HOUR = 3_600_000;
const paragraph = (text: string) => ({ type: "doc", content: [{ type: "paragraph", content: [{ type: "text", text }] }] });

let reporter: StaffUser;
let editor: StaffUser;
let otherEditor: StaffUser;

beforeAll(async () => {
  reporter = await createStaff("REPORTER", { title: "인턴기자" });
  editor = await createStaff("EDITOR");
  otherEditor = await createStaff("EDITOR");
});


/** A reporter's story, written and submitted to the desk. */
async function submittedStory(headline = "시의회, 내년 예산안 심사 착수") {
  const draft = await submittableDraft(reporter, { headline });
  await submitArticle(reporter, draft.id);
  return draft.id;
}

async function publishedStory() {
  const id = await submittedStory();
  await approveArticle(editor, id, { version: await versionOf(id) });
  return id;
}

const codeOf = (promise: Promise<unknown>) =>
  promise.then(
    () => "ok",
    (error: unknown) => (error instanceof DomainError ? error.code : `unexpected: ${String(error)}`),
  );

describe("submit and return", () => {
  it("a reporter submits a draft; the desk returns it with a note; the reporter can edit again", async () => {
    const draft = await submittableDraft(reporter, { headline: "초고" });
    await submitArticle(reporter, draft.id);
    let article = await db.article.findUniqueOrThrow({ where: { id: draft.id } });
    expect(article.status).toBe("SUBMITTED");
    expect(article.submittedAt).toBeInstanceOf(Date);
    expect(await codeOf(saveArticle(reporter, draft.id, { version: article.version, headline: "몰래 고침" }))).toBe("FORBIDDEN");

    await returnArticle(editor, draft.id, { note: "시의원 반론을 넣어 주세요." });
    article = await db.article.findUniqueOrThrow({ where: { id: draft.id } });
    expect(article).toMatchObject({ status: "DRAFT", deskNote: "시의원 반론을 넣어 주세요." });
    expect(await codeOf(saveArticle(reporter, draft.id, { version: article.version, headline: "반론을 넣은 제목" }))).toBe("ok");

    const kinds = (await db.articleRevision.findMany({ where: { articleId: draft.id }, orderBy: { number: "asc" } })).map((r) => r.kind);
    expect(kinds).toEqual(["SAVE", "SUBMIT", "RETURN", "SAVE"]);
  });

  it("a story cannot be submitted twice, and a return needs a note", async () => {
    const id = await submittedStory();
    expect(await codeOf(submitArticle(reporter, id))).toBe("CONFLICT");
    expect(await codeOf(returnArticle(editor, id, { note: "  " }))).toBe("VALIDATION");
  });
});

describe("approval", () => {
  it("publishes now: 기사승인 time, approver, and the live revision equal to what was reviewed", async () => {
    const id = await submittedStory("승인할 기사");
    const before = Date.now();
    await approveArticle(editor, id, { version: await versionOf(id) });
    const article = await db.article.findUniqueOrThrow({ where: { id }, include: { liveRevision: true } });
    expect(article.status).toBe("PUBLISHED");
    expect(article.approvedById).toBe(editor.id);
    expect(article.approvedAt?.getTime()).toBeGreaterThanOrEqual(before - 1000);
    expect(article.publishedAt?.getTime()).toBe(article.approvedAt?.getTime());
    expect(article.liveRevision).toMatchObject({ kind: "APPROVE", headline: "승인할 기사" });
    expect((await getPublicArticle(id))?.headline).toBe("승인할 기사");
    expect(await db.auditLog.count({ where: { action: "article.publish", targetId: String(id) } })).toBe(1);
  });

  it("refuses to approve a version the editor did not review", async () => {
    const id = await submittedStory();
    const reviewed = await versionOf(id);
    await saveArticle(otherEditor, id, { version: reviewed, headline: "데스크가 고친 제목" });
    await expect(approveArticle(editor, id, { version: reviewed })).rejects.toMatchObject({ code: "CONFLICT" });
    expect((await db.article.findUniqueOrThrow({ where: { id } })).status).toBe("SUBMITTED");
  });

  it("schedules: invisible before its time, visible after, and a past time is refused", async () => {
    const id = await submittedStory("예약 기사");
    const now = new Date();
    expect(await codeOf(approveArticle(editor, id, { version: await versionOf(id), publishAt: new Date(now.getTime() - HOUR) }, now))).toBe("VALIDATION");
    const publishAt = new Date(now.getTime() + 2 * HOUR);
    await approveArticle(editor, id, { version: await versionOf(id), publishAt }, now);
    expect((await db.article.findUniqueOrThrow({ where: { id } })).status).toBe("SCHEDULED");
    expect(await getPublicArticle(id, now)).toBeNull();
    expect((await getPublicArticle(id, new Date(publishAt.getTime() + 1000)))?.headline).toBe("예약 기사");
  });

  it("an update to a scheduled story not yet public keeps its schedule and is not a correction", async () => {
    const id = await submittedStory("예약 전 수정");
    const now = new Date();
    const publishAt = new Date(now.getTime() + 3 * HOUR);
    await approveArticle(editor, id, { version: await versionOf(id), publishAt }, now);
    await saveArticle(editor, id, { version: await versionOf(id), headline: "예약 전 수정 (고침)" });
    await approveArticle(editor, id, { version: await versionOf(id) }, now);
    const article = await db.article.findUniqueOrThrow({ where: { id }, include: { liveRevision: true } });
    expect(article).toMatchObject({ status: "SCHEDULED", lastCorrectedAt: null, hasPendingUpdate: false });
    expect(article.publishedAt?.getTime()).toBe(publishAt.getTime());
    expect(article.liveRevision?.headline).toBe("예약 전 수정 (고침)");
  });
});

describe("corrections of a published story", () => {
  it("an edit stays private until approved; approving it sets the 수정 time and keeps the 기사승인 time", async () => {
    const id = await publishedStory();
    const first = await db.article.findUniqueOrThrow({ where: { id } });
    await saveArticle(editor, id, { version: first.version, headline: "정정된 제목", body: paragraph("정정된 본문"), tags: ["승인전태그"] });
    expect((await db.article.findUniqueOrThrow({ where: { id } })).hasPendingUpdate).toBe(true);
    expect((await getPublicArticle(id))?.headline).toBe(first.headline);
    const publicTags = async () => {
      const data = await getArticlePageData(id);
      return data.state === "visible" ? data.article.tags.map((tag) => tag.name) : null;
    };
    expect(await publicTags(), "a tag in the working copy only is not public").toEqual([]);

    await approveArticle(editor, id, { version: await versionOf(id) });
    const corrected = await db.article.findUniqueOrThrow({ where: { id }, include: { liveRevision: true } });
    expect(corrected.approvedAt?.getTime()).toBe(first.approvedAt?.getTime());
    expect(corrected.lastCorrectedAt).toBeInstanceOf(Date);
    expect(corrected.liveRevision?.kind).toBe("CORRECTION");
    expect((await getPublicArticle(id))).toMatchObject({ headline: "정정된 제목", lastCorrectedAt: corrected.lastCorrectedAt });
    expect(await publicTags(), "approval makes the tag public").toEqual(["승인전태그"]);
  });

  it("refuses to reschedule a story readers can already see, and to approve when nothing changed", async () => {
    const id = await publishedStory();
    const version = await versionOf(id);
    // A state the story is in, not bad input: 409, with the rule's reason.
    expect(await codeOf(approveArticle(editor, id, { version, publishAt: new Date(Date.now() + HOUR) }))).toBe("CONFLICT");
    expect(await codeOf(approveArticle(editor, id, { version }))).toBe("CONFLICT");
  });

  it("unpublishing takes it off the site", async () => {
    const id = await publishedStory();
    await unpublishArticle(editor, id, { reason: "사실관계 확인 중" });
    expect((await db.article.findUniqueOrThrow({ where: { id } })).status).toBe("UNPUBLISHED");
    expect(await getPublicArticle(id)).toBeNull();
    expect(await codeOf(unpublishArticle(editor, id, { reason: "또" }))).toBe("CONFLICT");
  });
});

describe("no lost words, no unreviewed text live", () => {
  it("a stale save is refused with the current version, and the stored text is untouched", async () => {
    const draft = await createArticleDraft(reporter, { headline: "원래 제목" });
    await saveArticle(reporter, draft.id, { version: draft.version, headline: "첫 번째 탭" });
    const error = await saveArticle(reporter, draft.id, { version: draft.version, headline: "두 번째 탭" }).catch((e: unknown) => e);
    expect(error).toMatchObject({ code: "CONFLICT", details: { currentVersion: draft.version + 1 } });
    expect((await db.article.findUniqueOrThrow({ where: { id: draft.id } })).headline).toBe("첫 번째 탭");
  });

  it("a save started before a status change cannot land after it", async () => {
    const draft = await submittableDraft(reporter, { headline: "송고 전" });
    const seenVersion = draft.version;
    await submitArticle(reporter, draft.id);
    expect(await codeOf(saveArticle(editor, draft.id, { version: seenVersion, headline: "늦게 도착한 저장" }))).toBe("CONFLICT");
  });

  it("a save racing an approval: exactly one wins, and the live text is always a reviewed one", async () => {
    for (let round = 0; round < 5; round += 1) {
      const id = await submittedStory(`경합 ${round}`);
      const reviewed = await versionOf(id);
      const [saved, approved] = await Promise.all([
        codeOf(saveArticle(otherEditor, id, { version: reviewed, headline: `검토 안 된 제목 ${round}` })),
        codeOf(approveArticle(editor, id, { version: reviewed })),
      ]);
      expect([saved, approved].sort()).toEqual(["CONFLICT", "ok"]);
      const article = await db.article.findUniqueOrThrow({ where: { id }, include: { liveRevision: true } });
      if (approved === "ok") {
        expect(article.liveRevision?.headline).toBe(`경합 ${round}`);
        expect(article.headline).toBe(`경합 ${round}`);
      } else {
        expect(article.status).toBe("SUBMITTED");
        expect(article.liveRevisionId).toBeNull();
      }
    }
  });
});

describe("editing after submission, by race (hardening #7)", () => {
  it("a reporter's save guessing the next version never changes a story that reached the desk meanwhile", async () => {
    // Deterministic version of the race: the save reads the story while it is a draft, then is
    // held until the submit has committed, then runs its conditional update.
    const draft = await submittableDraft(reporter, { headline: "송고본" });
    const holder = globalThis as unknown as { newsroomDb?: Db };
    const plain = holder.newsroomDb;
    if (!plain) throw new Error("the test database client is not open yet");
    let readDone!: () => void;
    let release!: () => void;
    const readHappened = new Promise<void>((resolve) => (readDone = resolve));
    const gate = new Promise<void>((resolve) => (release = resolve));
    let held = false;
    holder.newsroomDb = plain.$extends({
      query: {
        article: {
          async findUnique({ args, query }) {
            const result = await query(args);
            if (!held) {
              held = true;
              readDone();
              await gate;
            }
            return result;
          },
        },
      },
    }) as unknown as Db;
    try {
      const save = codeOf(saveArticle(reporter, draft.id, { version: draft.version + 1, headline: "송고 뒤 몰래 고친 제목" }));
      await readHappened;
      await submitArticle(reporter, draft.id);
      release();
      expect(["FORBIDDEN", "CONFLICT"]).toContain(await save);
    } finally {
      holder.newsroomDb = plain;
    }
    expect(await db.article.findUniqueOrThrow({ where: { id: draft.id } })).toMatchObject({ status: "SUBMITTED", headline: "송고본" });
  });
});

describe("domain events", () => {
  it("each transition writes its typed event in the same transaction", async () => {
    const id = await submittedStory("이벤트가 남는 기사");
    await approveArticle(editor, id, { version: await versionOf(id) });
    await unpublishArticle(editor, id, { reason: "사실 확인 중" });
    const events = await db.domainEvent.findMany({ where: { payload: { path: ["articleId"], equals: id } }, orderBy: { id: "asc" } });
    expect(events.map((event) => event.type)).toEqual(["article.created", "article.submitted", "article.published", "article.unpublished"]);
    expect(events[2]?.payload).toMatchObject({ articleId: id, authorId: reporter.id });
  });

  it("a transition that fails after its event was written leaves no event behind", async () => {
    const id = await submittedStory("커밋에서 실패하는 승인");
    const eventsOf = () => db.domainEvent.count({ where: { payload: { path: ["articleId"], equals: id } } });
    const before = await eventsOf();
    // A deferred trigger refuses the commit: it runs after the update, the event and its
    // consumers were all written, and says how many of the story's events the transaction saw.
    await db.$executeRawUnsafe(`CREATE FUNCTION refuse_commit_${id}() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN RAISE EXCEPTION 'commit refused with % events', (SELECT count(*) FROM "DomainEvent" WHERE payload->>'articleId' = NEW.id::text); END $$`);
    await db.$executeRawUnsafe(
      `CREATE CONSTRAINT TRIGGER refuse_commit_${id} AFTER UPDATE ON "Article" DEFERRABLE INITIALLY DEFERRED FOR EACH ROW WHEN (NEW.id = ${id}) EXECUTE FUNCTION refuse_commit_${id}()`,
    );
    try {
      await expect(approveArticle(editor, id, { version: await versionOf(id) })).rejects.toThrow(`commit refused with ${before + 1} events`);
    } finally {
      await db.$executeRawUnsafe(`DROP TRIGGER refuse_commit_${id} ON "Article"`);
      await db.$executeRawUnsafe(`DROP FUNCTION refuse_commit_${id}()`);
    }
    expect(await eventsOf()).toBe(before);
    expect(await db.article.findUniqueOrThrow({ where: { id } })).toMatchObject({ status: "SUBMITTED", liveRevisionId: null });
  });
});
