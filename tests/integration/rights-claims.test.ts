// The rights desk (lib/claims) against the real database: a claim's receipt (receipt number,
// private status page, evidence snapshot with its hash), what the public form refuses (stories
// readers cannot see, hostile attachments, floods, banned sources), the desk's decisions with
// their history and audit entries, a published 정정 closing its accepted claim through the
// article.corrected consumer, the story's label and comment closing ending with the claim, the
// clocks across a KST midnight, and the retention purge (alone and with two job runners).
import sharp from "sharp";
import { afterEach, beforeAll, describe, expect, it } from "vitest";
import { saveArticle } from "@/lib/articles/editor/edit-article";
import { approveArticle } from "@/lib/articles/workflow/transitions";
import type { StaffUser } from "@/lib/auth/staff-user";
import { CLAIM_PURGE_TASK, claimPurgeTask, schedulePurge } from "@/lib/claims/claim-jobs";
import { decideClaim, flagClaimStory } from "@/lib/claims/claim-decisions";
import { evidenceIntact } from "@/lib/claims/claim-evidence";
import { getArticlePageData } from "@/lib/articles/public/public-queries";
import { getClaimStatus, supplementClaim } from "@/lib/claims/claim-public";
import { getClaimForDesk, listClaimQueue, listOverdueClaims } from "@/lib/claims/claim-queue";
import { CLAIM_SETTINGS_KEY } from "@/lib/claims/claim-settings";
import { purgeExpiredClaims } from "@/lib/claims/purge-claims";
import { db } from "@/lib/db";
import { DomainError } from "@/lib/errors";
import { startJobRunner, type RunningJobRunner } from "@/lib/jobs/job-runner";
import { htmlBehindPngHeader, jpegWithMetadata, pngBomb, SVG_WITH_SCRIPT } from "../support/image-fixtures";
import { PDF_HEADER_OVER_HTML, pdfWithEmbeddedFile, pdfWithOpenActionScript, plainPdf } from "../support/pdf-fixtures";
import { expectNoPlantedStory, privateStoryIds, type PlantedStories } from "../support/planted-stories";
import { aSource, claimNoticeOnPage, fileClaim } from "../support/claim-fixtures";
import { queriesDuring } from "../support/query-count";
import { publishedStory as publishedStoryBy, versionOf } from "../support/story-fixtures";
import { deskCastWithPlantedStories } from "../support/desk-cast";

let reporter: StaffUser;
let editor: StaffUser;
let planted: PlantedStories;

beforeAll(async () => ({ reporter, editor, planted } = await deskCastWithPlantedStories()));


const publishedStory = (headline: string) => publishedStoryBy(reporter, editor, headline);

async function refusal(promise: Promise<unknown>): Promise<DomainError> {
  const error = await promise.then(
    () => null,
    (caught: unknown) => caught,
  );
  if (!(error instanceof DomainError)) throw new Error(`expected a DomainError, got ${String(error)}`);
  return error;
}

const tokenOf = (statusPath: string) => statusPath.split("/").at(-1) ?? "";

describe("receiving a claim", () => {
  it("gives a receipt number and a status page that only its token opens, and keeps what readers saw with a hash", async () => {
    const id = await publishedStory("구청장, 예산 전용 의혹");
    const received = await fileClaim(id);
    expect(received.receiptNumber).toMatch(/^20\d\d-\d{6}$/);
    expect(received.statusPath).toMatch(/^\/claims\/status\/[A-Za-z0-9_-]{43}$/);

    const status = await getClaimStatus(tokenOf(received.statusPath));
    expect(status).toMatchObject({ receiptNumber: received.receiptNumber, kind: "CORRECTION", status: "RECEIVED", storyHeadline: "구청장, 예산 전용 의혹" });
    // A wrong token, a near miss, or garbage: the same 404, nothing else.
    const token = tokenOf(received.statusPath);
    const nearMiss = `${token.slice(0, -1)}${token.endsWith("A") ? "B" : "A"}`;
    for (const wrong of [nearMiss, "x", "", `${token}x`]) expect((await refusal(getClaimStatus(wrong))).code).toBe("NOT_FOUND");
    // The token itself is not stored.
    const row = await db.rightsClaim.findUniqueOrThrow({ where: { id: received.claimId } });
    expect(JSON.stringify(row)).not.toContain(token);

    const evidence = await db.rightsClaimEvidence.findUniqueOrThrow({ where: { claimId: received.claimId } });
    expect(evidence).toMatchObject({ articleId: id, headline: "구청장, 예산 전용 의혹" });
    expect(evidence.sha256).toMatch(/^[0-9a-f]{64}$/);
    expect(evidenceIntact(evidence)).toBe(true);
    expect(evidence.bylines).toEqual([{ name: reporter.name, title: reporter.title }]);
  });

  it("the evidence stays as readers saw it after the story is corrected, and the database refuses to change it", async () => {
    const id = await publishedStory("체육관 공사비 두 배로");
    const { claimId } = await fileClaim(id);
    await saveArticle(editor, id, { version: await versionOf(id), headline: "체육관 공사비 1.5배로" });
    await approveArticle(editor, id, { version: await versionOf(id), correctionType: "CORRECTION", correctionNote: "공사비 증가 폭을 바로잡습니다." });
    const evidence = await db.rightsClaimEvidence.findUniqueOrThrow({ where: { claimId } });
    expect(evidence.headline).toBe("체육관 공사비 두 배로");
    expect(evidenceIntact(evidence)).toBe(true);
    await expect(db.rightsClaimEvidence.update({ where: { claimId }, data: { headline: "바꾼 제목" } })).rejects.toThrow();
    await expect(db.$executeRaw`DELETE FROM "RightsClaimEvidence" WHERE "claimId" = ${claimId}`).rejects.toThrow();
    expect(evidenceIntact({ ...evidence, headline: "바꾼 제목" })).toBe(false);
  });

  it("sets the reply and publication deadlines from the time of receipt in Korea time, across a KST midnight", async () => {
    const id = await publishedStory("야간 버스 노선 폐지");
    // Public before the claims' fixed times, whenever the test runs (published "now", it was not
    // public yet at 23:50 on 2026-12-07 once that moment had passed, and the claim was refused).
    await db.article.update({ where: { id }, data: { publishedAt: new Date("2026-12-01T09:00:00+09:00") } });
    const late = await fileClaim(id, { now: new Date("2026-12-07T23:50:00+09:00") });
    const early = await fileClaim(id, { now: new Date("2026-12-08T00:10:00+09:00") });
    const rows = await db.rightsClaim.findMany({ where: { id: { in: [late.claimId, early.claimId] } }, orderBy: { id: "asc" } });
    expect(rows.map((row) => [row.replyDueAt.toISOString(), row.publishDueAt?.toISOString()])).toEqual([
      [new Date("2026-12-11T00:00:00+09:00").toISOString(), new Date("2026-12-15T00:00:00+09:00").toISOString()],
      [new Date("2026-12-12T00:00:00+09:00").toISOString(), new Date("2026-12-16T00:00:00+09:00").toISOString()],
    ]);
    // The queue's clock on a faked clock: left before the deadline, red (overdue) one minute after.
    // A search PostgreSQL cannot run (NUL) is a Korean refusal, not a database error.
    await expect(listClaimQueue(editor, { q: "a\u0000b" })).rejects.toMatchObject({ code: "VALIDATION", message: expect.stringContaining("NUL") });
    const before = (await listClaimQueue(editor, { q: late.receiptNumber }, new Date("2026-12-10T23:59:00+09:00")))[0];
    expect(before?.clock).toMatchObject({ which: "reply", reading: { overdue: false, text: "1분 남음" } });
    const after = (await listClaimQueue(editor, { q: late.receiptNumber }, new Date("2026-12-11T00:01:00+09:00")))[0];
    expect(after?.clock).toMatchObject({ which: "reply", reading: { overdue: true, text: "1분 지남" } });
    expect((await listOverdueClaims(editor, new Date("2026-12-11T00:01:00+09:00"))).map((row) => row.id)).toContain(late.claimId);
    expect((await listOverdueClaims(editor, new Date("2026-12-11T00:01:00+09:00"))).map((row) => row.id)).not.toContain(early.claimId);
  });

  it("keeps only what readers saw: a published story's unapproved working copy is in neither the evidence nor the status page", async () => {
    const received = await fileClaim(planted.ids.pendingUpdate);
    const evidence = await db.rightsClaimEvidence.findUniqueOrThrow({ where: { claimId: received.claimId } });
    expectNoPlantedStory(planted, JSON.stringify(evidence), "the evidence snapshot");
    const status = await getClaimStatus(tokenOf(received.statusPath));
    expectNoPlantedStory(planted, JSON.stringify(status), "the claimant's status page");
    expect(status.storyHeadline).toBe(evidence.headline);
  });

  it("fixes its clocks from the settings at receipt: a later change moves no running clock; a takedown request gets the desk's own period and no publication clock", async () => {
    const id = await publishedStory("재개발 조합 비리 의혹");
    const at = new Date("2026-12-14T10:00:00+09:00");
    const before = await fileClaim(id, { now: at });
    await db.siteSetting.create({ data: { key: CLAIM_SETTINGS_KEY, value: { replyDays: 5, publishDays: 10, takedownReplyDays: 2 } } });
    try {
      const after = await fileClaim(id, { now: at });
      const takedown = await fileClaim(id, { now: at, overrides: { kind: "TAKEDOWN" } });
      const rows = await db.rightsClaim.findMany({ where: { id: { in: [before.claimId, after.claimId, takedown.claimId] } }, orderBy: { id: "asc" } });
      expect(rows.map((row) => [row.replyDueAt.toISOString(), row.publishDueAt?.toISOString() ?? null])).toEqual([
        [new Date("2026-12-18T00:00:00+09:00").toISOString(), new Date("2026-12-22T00:00:00+09:00").toISOString()],
        [new Date("2026-12-20T00:00:00+09:00").toISOString(), new Date("2026-12-25T00:00:00+09:00").toISOString()],
        [new Date("2026-12-17T00:00:00+09:00").toISOString(), null],
      ]);
    } finally {
      await db.siteSetting.deleteMany({ where: { key: CLAIM_SETTINGS_KEY } });
    }
  });

  it("changes nothing public by itself", async () => {
    const id = await publishedStory("시장 비서실 인사 논란");
    const before = await db.article.findUniqueOrThrow({ where: { id } });
    await fileClaim(id);
    expect(await claimNoticeOnPage(id)).toEqual({ labels: [], commentsHeld: false });
    const after = await db.article.findUniqueOrThrow({ where: { id } });
    expect(after).toEqual(before);
  });
});

describe("what the public form refuses", () => {
  it("a story readers cannot see gets the same answer as no story at all (draft, submitted, scheduled, unpublished)", async () => {
    const missing = await refusal(fileClaim(2_000_000_000));
    for (const { kind, id } of privateStoryIds(planted)) {
      const answer = await refusal(fileClaim(id));
      expect({ kind, code: answer.code, message: answer.message }).toEqual({ kind, code: missing.code, message: missing.message });
    }
    expect(missing.code).toBe("NOT_FOUND");
    // The published control is accepted.
    expect((await fileClaim(planted.ids.published)).claimId).toBeGreaterThan(0);
    expect(await db.rightsClaim.count({ where: { articleId: { in: privateStoryIds(planted).map((story) => story.id) } } })).toBe(0);
  });

  it("a comment that is hidden, or under a story readers cannot see, is not found either", async () => {
    const id = await publishedStory("공원 조성 계획");
    const visible = await db.comment.create({ data: { articleId: id, body: "모욕적인 댓글", guestName: "익명", ipHash: "x" } });
    const hidden = await db.comment.create({ data: { articleId: id, body: "숨긴 댓글", guestName: "익명", ipHash: "x", status: "HIDDEN" } });
    const onDraft = await db.comment.create({ data: { articleId: planted.ids.draft, body: "초안 댓글", guestName: "익명", ipHash: "x" } });
    for (const comment of [hidden, onDraft]) expect((await refusal(fileClaim(null, { overrides: { kind: "TAKEDOWN", commentId: String(comment.id) } }))).code).toBe("NOT_FOUND");
    const received = await fileClaim(null, { overrides: { kind: "TAKEDOWN", commentId: String(visible.id) } });
    const evidence = await db.rightsClaimEvidence.findUniqueOrThrow({ where: { claimId: received.claimId } });
    expect(evidence).toMatchObject({ articleId: id, commentId: visible.id, commentBody: "모욕적인 댓글" });
    // Only a takedown can be asked about a comment (언론중재법 covers the paper's reports).
    expect((await refusal(fileClaim(null, { overrides: { kind: "CORRECTION", commentId: String(visible.id) } }))).code).toBe("VALIDATION");
  });

  it("bad fields get Korean messages and store nothing", async () => {
    const id = await publishedStory("하천 정비 사업");
    const before = await db.rightsClaim.count();
    const cases: [Record<string, string>, RegExp][] = [
      [{ consent: "" }, /동의/],
      [{ email: "", phone: "" }, /이메일이나 전화번호/],
      [{ email: "not-an-email" }, /이메일/],
      [{ name: "" }, /이름/],
      [{ kind: "SOMETHING" }, /종류/],
      [{ disputedPassage: "가".repeat(5001) }, /5000자/],
      [{ reason: "\u0000" }, /NUL/],
    ];
    for (const [overrides, message] of cases) expect((await refusal(fileClaim(id, { overrides }))).message).toMatch(message);
    expect(await db.rightsClaim.count()).toBe(before);
  });

  it("hostile attachments (the upload tests' cases and hostile PDFs), whatever their names; a good PDF and photo are rewritten", async () => {
    const id = await publishedStory("주차장 요금 인상");
    const before = await db.rightsClaim.count();
    const hostile: [string, Buffer, RegExp][] = [
      ["logo.svg", SVG_WITH_SCRIPT, /PDF 문서나 사진/],
      ["photo.png", SVG_WITH_SCRIPT, /PDF 문서나 사진/],
      ["photo.jpg", htmlBehindPngHeader(), /읽을 수 없습니다|PDF 문서나 사진/],
      ["bomb.png", pngBomb(), /화소/],
      ["empty.pdf", Buffer.alloc(0), /빈 파일/],
      ["big.pdf", Buffer.alloc(5 * 1024 * 1024 + 1, 0x20), /5MB/],
      ["fake.pdf", PDF_HEADER_OVER_HTML, /PDF 문서로 읽을 수 없습니다/],
      ["ruling.pdf", await pdfWithOpenActionScript(), /스크립트나 실행 동작/],
      ["ruling2.pdf", await pdfWithEmbeddedFile(), /스크립트나 실행 동작/],
      ["page.html", Buffer.from("<html><script>alert(1)</script></html>"), /PDF 문서나 사진/],
    ];
    for (const [name, bytes, message] of hostile) {
      const error = await refusal(fileClaim(id, { files: [{ name, bytes }] }));
      expect({ name, code: error.code }).toEqual({ name, code: "VALIDATION" });
      expect(error.message).toContain(name.replace(/\.[^.]+$/, ""));
      expect(error.message).toMatch(message);
    }
    const six = await Promise.all(Array.from({ length: 6 }, () => plainPdf()));
    expect((await refusal(fileClaim(id, { files: six.map((bytes, n) => ({ name: `${n}.pdf`, bytes })) }))).message).toMatch(/5개/);
    expect(await db.rightsClaim.count()).toBe(before);

    const photo = await jpegWithMetadata({ width: 3000, height: 2000, exif: { artist: "원본 작가", imageDescription: "위치 정보" } });
    const received = await fileClaim(id, { files: [{ name: "판결문.pdf", bytes: await plainPdf(2) }, { name: "../../캡처 화면.png", bytes: photo }] });
    const stored = await db.rightsClaimAttachment.findMany({ where: { claimId: received.claimId }, orderBy: { fileName: "asc" } });
    expect(stored.map((file) => [file.fileName, file.mimeType])).toEqual([
      ["캡처 화면.jpg", "image/jpeg"],
      ["판결문.pdf", "application/pdf"],
    ]);
    const image = stored[0];
    const pdf = stored[1];
    if (!image || !pdf) throw new Error("attachments missing");
    const meta = await sharp(Buffer.from(image.bytes)).metadata();
    expect(meta).toMatchObject({ format: "jpeg", width: 2400 });
    expect(meta.exif).toBeUndefined();
    expect(Buffer.from(pdf.bytes).subarray(0, 5).toString()).toBe("%PDF-");
    expect(Buffer.from(pdf.bytes).includes(Buffer.from("claimant metadata title"))).toBe(false);
  });

  it("counts a source's claims across the desk's limits (one source, any story), under its lock", async () => {
    const id = await publishedStory("도서관 운영 시간 단축");
    const { source } = aSource();
    const results = await Promise.allSettled(Array.from({ length: 5 }, () => fileClaim(id, { source })));
    expect(results.filter((result) => result.status === "fulfilled")).toHaveLength(3);
    const refused = results.flatMap((result) => (result.status === "rejected" ? [result.reason as DomainError] : []));
    expect(refused.map((error) => error.code)).toEqual(["LOCKED", "LOCKED"]);
    expect(refused[0]?.details?.retryAfterSeconds).toBeGreaterThan(0);
    // Another source is not held back.
    expect((await fileClaim(id)).claimId).toBeGreaterThan(0);
  });

  it("a source banned from commenting is pointed to the paper's address instead", async () => {
    const id = await publishedStory("재개발 조합 비리");
    const { source } = aSource();
    await db.commentBan.create({ data: { ipHash: source, expiresAt: new Date(Date.now() + 86_400_000) } });
    const error = await refusal(fileClaim(id, { source }));
    expect(error.code).toBe("FORBIDDEN");
    expect(error.message).toMatch(/우편.*이메일/);
  });
});

describe("the desk's decisions", () => {
  it("each step is recorded with who and when, in the claim's history and the audit log; the claimant sees the answer", async () => {
    const id = await publishedStory("복지관 위탁 운영 특혜");
    const received = await fileClaim(id);
    await decideClaim(editor, received.claimId, "request-info", { message: "문제가 된 문장을 정확히 알려 주세요." });
    await supplementClaim({ token: tokenOf(received.statusPath), text: "셋째 문단 첫 문장입니다." });
    const reject = await refusal(decideClaim(editor, received.claimId, "reject", { grounds: [], message: "거부합니다." }));
    expect(reject.message).toMatch(/제15조 제4항/);
    await decideClaim(editor, received.claimId, "reject", { grounds: ["clearly-false"], message: "청구하신 내용은 감사 보고서와 다릅니다." });
    expect((await refusal(decideClaim(editor, received.claimId, "accept", {}))).code).toBe("CONFLICT");

    const detail = await getClaimForDesk(editor, received.claimId);
    expect(detail.actions.map((step) => [step.action, step.toStatus, step.actor?.name ?? null])).toEqual([
      ["receive", "RECEIVED", null],
      ["request-info", "INFO_REQUESTED", editor.name],
      ["supplement", "RECEIVED", null],
      ["reject", "REJECTED", editor.name],
    ]);
    expect(detail).toMatchObject({ status: "REJECTED", rejectionGrounds: ["clearly-false"], answeredAt: expect.any(Date), closedAt: expect.any(Date) });
    const audit = await db.auditLog.findMany({ where: { targetType: "RightsClaim", targetId: String(received.claimId) }, orderBy: { createdAt: "asc" } });
    expect(audit.map((entry) => [entry.action, entry.actorId])).toEqual([
      ["claim.receive", null],
      ["claim.request-info", editor.id],
      ["claim.supplement", null],
      ["claim.reject", editor.id],
    ]);
    // Nothing the claimant wrote is in the security log (it outlives their data).
    expect(JSON.stringify(audit)).not.toContain("셋째 문단");

    const status = await getClaimStatus(tokenOf(received.statusPath));
    expect(status).toMatchObject({ status: "REJECTED", deskMessage: "청구하신 내용은 감사 보고서와 다릅니다.", rejectionGrounds: ["clearly-false"] });

    // Then the claimant went to the 언론중재위원회.
    await decideClaim(editor, received.claimId, "mediate", { caseNumber: "2026서울조정123" });
    await decideClaim(editor, received.claimId, "mediation-outcome", { outcome: "not-settled" });
    expect(await db.rightsClaim.findUniqueOrThrow({ where: { id: received.claimId } })).toMatchObject({ status: "MEDIATED", mediationCaseNumber: "2026서울조정123", mediationOutcome: "not-settled" });
  });

  it("a reporter cannot read or decide claims", async () => {
    const { claimId } = await fileClaim(await publishedStory("하수처리장 악취"));
    expect((await refusal(decideClaim(reporter, claimId, "accept", {}))).code).toBe("FORBIDDEN");
    expect((await refusal(getClaimForDesk(reporter, claimId))).code).toBe("FORBIDDEN");
  });
});

describe("an accepted claim and its correction", () => {
  it("publishing the 정정 through the desk's approval closes the claim, records the time against its deadline, and ends its label and comment closing", async () => {
    const id = await publishedStory("시립병원 의료사고 은폐");
    const received = await fileClaim(id);
    await flagClaimStory(editor, received.claimId, { label: true, commentsClosed: true });
    expect(await claimNoticeOnPage(id)).toEqual({ labels: ["CORRECTION"], commentsHeld: true });
    expect((await db.article.findUniqueOrThrow({ where: { id } })).commentsClosed).toBe(true);

    await decideClaim(editor, received.claimId, "accept", { message: "정정보도를 싣겠습니다." });
    // A 반론 does not answer a 정정 claim; a silent 수정 neither.
    await saveArticle(editor, id, { version: await versionOf(id), summary: "요약 손질" });
    await approveArticle(editor, id, { version: await versionOf(id), correctionType: "UPDATE" });
    expect((await db.rightsClaim.findUniqueOrThrow({ where: { id: received.claimId } })).status).toBe("ACCEPTED");

    await saveArticle(editor, id, { version: await versionOf(id), headline: "시립병원 의료사고 보고 지연" });
    await approveArticle(editor, id, { version: await versionOf(id), correctionType: "CORRECTION", correctionNote: "의료사고를 은폐했다는 보도는 사실이 아니어서 바로잡습니다." });

    const claim = await db.rightsClaim.findUniqueOrThrow({ where: { id: received.claimId }, include: { correction: true } });
    expect(claim).toMatchObject({ status: "PUBLISHED", labelShown: false, closedComments: false, closedAt: expect.any(Date), publishedAt: expect.any(Date) });
    expect(claim.correction?.note).toBe("의료사고를 은폐했다는 보도는 사실이 아니어서 바로잡습니다.");
    expect(claim.publishedAt?.getTime()).toBeLessThanOrEqual(claim.publishDueAt?.getTime() ?? 0);
    expect(await claimNoticeOnPage(id)).toEqual({ labels: [], commentsHeld: false });
    expect((await db.article.findUniqueOrThrow({ where: { id } })).commentsClosed).toBe(false);

    const status = await getClaimStatus(tokenOf(received.statusPath));
    expect(status).toMatchObject({ status: "PUBLISHED", publishedOnTime: true, correction: { type: "CORRECTION", note: "의료사고를 은폐했다는 보도는 사실이 아니어서 바로잡습니다." } });
    const audit = await db.auditLog.findMany({ where: { targetType: "RightsClaim", targetId: String(received.claimId) }, select: { action: true, actorId: true } });
    expect(audit).toContainEqual({ action: "claim.publish", actorId: editor.id });
    // The cache hears of it: the claim's step and the reopened comments are events of that transaction.
    const events = await db.domainEvent.findMany({ where: { type: { in: ["claim.changed", "article.comments-closed"] } }, orderBy: { id: "desc" }, take: 2 });
    expect(events.map((event) => event.type).sort()).toEqual(["article.comments-closed", "claim.changed"]);
  });

  it("comments another claim still holds stay closed, and comments the desk had closed itself are not reopened", async () => {
    const id = await publishedStory("어린이집 급식 부실");
    const first = await fileClaim(id);
    const second = await fileClaim(id, { overrides: { kind: "REPLY" } });
    await flagClaimStory(editor, first.claimId, { label: true, commentsClosed: true });
    await flagClaimStory(editor, second.claimId, { label: true, commentsClosed: true });
    expect((await claimNoticeOnPage(id))?.labels).toEqual(["CORRECTION", "REPLY"]);
    // Read with the story in the page's one query, not in a round trip of its own.
    expect(await queriesDuring(() => getArticlePageData(id))).toBe(1);
    await decideClaim(editor, first.claimId, "withdraw", { message: "청구인이 전화로 취하했습니다." });
    expect((await db.article.findUniqueOrThrow({ where: { id } })).commentsClosed).toBe(true);
    expect(await claimNoticeOnPage(id)).toEqual({ labels: ["REPLY"], commentsHeld: true });
    await decideClaim(editor, second.claimId, "reject", { grounds: ["advertising"], message: "광고 목적의 청구입니다." });
    expect((await db.article.findUniqueOrThrow({ where: { id } })).commentsClosed).toBe(false);

    const other = await publishedStory("체납 차량 번호판 영치");
    await db.article.update({ where: { id: other }, data: { commentsClosed: true } });
    const third = await fileClaim(other);
    expect(await flagClaimStory(editor, third.claimId, { label: false, commentsClosed: true })).toEqual({ commentsClosed: false });
    await decideClaim(editor, third.claimId, "withdraw", {});
    expect((await db.article.findUniqueOrThrow({ where: { id: other } })).commentsClosed).toBe(true);
  });
});

describe("the clocks after the answer", () => {
  const on = (iso: string) => new Date(iso);

  it("the reply clock stops at the answer; the publication clock then runs to its own deadline and turns red on every dashboard a minute past it", async () => {
    const id = await publishedStory("항만공사 입찰 담합");
    const received = await fileClaim(id, { now: on("2026-12-14T15:00:00+09:00") });
    const rowAt = async (iso: string) => (await listClaimQueue(editor, { q: received.receiptNumber }, on(iso)))[0];
    // Answered on the last day of the reply period, at 23:00.
    await decideClaim(editor, received.claimId, "accept", { message: "정정보도를 싣겠습니다." }, on("2026-12-17T23:00:00+09:00"));
    expect((await rowAt("2026-12-18T09:00:00+09:00"))?.clock).toMatchObject({ which: "publication", due: on("2026-12-22T00:00:00+09:00"), reading: { overdue: false } });
    expect((await rowAt("2026-12-21T23:59:00+09:00"))?.clock?.reading).toMatchObject({ overdue: false, text: "1분 남음" });
    expect((await rowAt("2026-12-22T00:01:00+09:00"))?.clock?.reading).toMatchObject({ overdue: true, text: "1분 지남" });
    expect((await listOverdueClaims(editor, on("2026-12-22T00:01:00+09:00"))).map((row) => row.id)).toContain(received.claimId);
    expect((await listOverdueClaims(editor, on("2026-12-21T23:59:00+09:00"))).map((row) => row.id)).not.toContain(received.claimId);
    // The claimant's page: answered in time, whatever the clock says now.
    const status = await getClaimStatus(tokenOf(received.statusPath), on("2026-12-30T00:00:00+09:00"));
    expect(status.replyClock.overdue).toBe(false);
  });

  it("a follow-up published as a story of its own is recorded by hand; late publication is recorded as late, and the clock stops", async () => {
    const id = await publishedStory("전 구청장 뇌물 혐의 기소");
    const received = await fileClaim(id, { now: on("2026-12-14T15:00:00+09:00"), overrides: { kind: "FOLLOW_UP" } });
    await decideClaim(editor, received.claimId, "accept", {}, on("2026-12-15T10:00:00+09:00"));
    const missing = await refusal(decideClaim(editor, received.claimId, "record-publication", { note: "" }, on("2026-12-22T00:30:00+09:00")));
    expect(missing.message).toContain("어디에 게재했는지");
    await decideClaim(editor, received.claimId, "record-publication", { note: "/articles/123 무죄 판결 후속 보도" }, on("2026-12-22T00:30:00+09:00"));
    const status = await getClaimStatus(tokenOf(received.statusPath));
    expect(status).toMatchObject({ status: "PUBLISHED", publishedOnTime: false, publicationNote: "/articles/123 무죄 판결 후속 보도" });
    expect((await listClaimQueue(editor, { filter: "closed", q: received.receiptNumber }))[0]?.clock).toBeNull();
    // Nothing further happens to a published claim but mediation.
    expect((await refusal(decideClaim(editor, received.claimId, "withdraw", {}))).code).toBe("CONFLICT");
  });

  it("a claim waiting for the claimant's answer keeps its reply clock running, and an unanswered claim stays red until answered", async () => {
    const id = await publishedStory("시립미술관 소장품 분실");
    const received = await fileClaim(id, { now: on("2026-12-14T15:00:00+09:00") });
    await decideClaim(editor, received.claimId, "request-info", { message: "어느 문장인지 알려 주세요." }, on("2026-12-15T09:00:00+09:00"));
    const late = on("2026-12-18T00:01:00+09:00");
    expect((await listClaimQueue(editor, { q: received.receiptNumber }, late))[0]?.clock).toMatchObject({ which: "reply", reading: { overdue: true } });
    await decideClaim(editor, received.claimId, "reject", { grounds: ["no-interest"], message: "정당한 이익이 없습니다." }, on("2026-12-18T10:00:00+09:00"));
    expect((await listOverdueClaims(editor, late)).map((row) => row.id)).not.toContain(received.claimId);
    expect((await getClaimStatus(tokenOf(received.statusPath))).replyClock.overdue).toBe(true);
  });
});

describe("the retention purge", () => {
  const runners: RunningJobRunner[] = [];
  afterEach(async () => {
    await Promise.all(runners.splice(0).map((runner) => runner.stop()));
    await db.siteSetting.deleteMany({ where: { key: CLAIM_SETTINGS_KEY } });
  });

  async function closedClaim(closedDaysAgo: number, files = false): Promise<{ claimId: number; token: string }> {
    const id = await publishedStory(`개인정보 보존 시험 ${closedDaysAgo}`);
    const received = await fileClaim(id, { files: files ? [{ name: "증빙.pdf", bytes: await plainPdf() }] : [] });
    await decideClaim(editor, received.claimId, "reject", { grounds: ["no-interest"], message: "정당한 이익이 없습니다." });
    await db.rightsClaim.update({ where: { id: received.claimId }, data: { closedAt: new Date(Date.now() - closedDaysAgo * 86_400_000) } });
    return { claimId: received.claimId, token: tokenOf(received.statusPath) };
  }

  it("empties the claimant's fields and attachments past the retention period, keeps the evidence and the desk's record, never touches open claims", async () => {
    await db.siteSetting.create({ data: { key: CLAIM_SETTINGS_KEY, value: { retentionDays: 30 } } });
    const expired = await closedClaim(31, true);
    const recent = await closedClaim(29);
    const open = await fileClaim(await publishedStory("열린 청구"));
    await db.rightsClaim.update({ where: { id: open.claimId }, data: { receivedAt: new Date(Date.now() - 400 * 86_400_000) } });
    const evidenceBefore = await db.rightsClaimEvidence.findUniqueOrThrow({ where: { claimId: expired.claimId } });

    await purgeExpiredClaims();

    const purged = await db.rightsClaim.findUniqueOrThrow({ where: { id: expired.claimId } });
    expect(purged).toMatchObject({
      claimantName: null,
      claimantEmail: null,
      claimantPhone: null,
      disputedPassage: null,
      requestedText: null,
      reason: null,
      sourceHash: null,
      purgedAt: expect.any(Date),
      status: "REJECTED",
      rejectionGrounds: ["no-interest"],
    });
    expect(await db.rightsClaimAttachment.count({ where: { claimId: expired.claimId } })).toBe(0);
    expect(await db.rightsClaimEvidence.findUniqueOrThrow({ where: { claimId: expired.claimId } })).toEqual(evidenceBefore);
    expect((await db.rightsClaim.findUniqueOrThrow({ where: { id: recent.claimId } })).claimantName).toBe("홍길동");
    expect((await db.rightsClaim.findUniqueOrThrow({ where: { id: open.claimId } })).claimantName).toBe("홍길동");
    expect(await getClaimStatus(expired.token)).toMatchObject({ purged: true, submitted: null, status: "REJECTED" });
    expect(await db.auditLog.count({ where: { action: "claim.purge", targetId: String(expired.claimId) } })).toBe(1);
  });

  it("keeps no longer than the claimant was told, when the admin later lengthens the period", async () => {
    const expired = await closedClaim(40);
    await db.rightsClaim.update({ where: { id: expired.claimId }, data: { retentionDays: 35 } });
    await db.siteSetting.create({ data: { key: CLAIM_SETTINGS_KEY, value: { retentionDays: 3650 } } });
    await purgeExpiredClaims();
    expect((await db.rightsClaim.findUniqueOrThrow({ where: { id: expired.claimId } })).purgedAt).not.toBeNull();
  });

  it("runs as a job on two runners (two instances) without doing a claim twice, and schedules its next run once", async () => {
    await db.siteSetting.create({ data: { key: CLAIM_SETTINGS_KEY, value: { retentionDays: 30 } } });
    const claims = await Promise.all(Array.from({ length: 6 }, () => closedClaim(45)));
    await db.$executeRawUnsafe("DELETE FROM graphile_worker._private_jobs");
    const url = process.env.DATABASE_URL ?? "";
    const quiet = { debug: () => undefined, warn: () => undefined, error: () => undefined };
    const tasks = { [CLAIM_PURGE_TASK]: claimPurgeTask };
    // Both instances ask for a purge at start, as server/job-queue.ts does: one job, one key.
    await db.$transaction((tx) => schedulePurge(tx, new Date()));
    await db.$transaction((tx) => schedulePurge(tx, new Date()));
    runners.push(await startJobRunner({ connectionString: url, tasks, log: quiet, pollIntervalMs: 200 }));
    runners.push(await startJobRunner({ connectionString: url, tasks, log: quiet, pollIntervalMs: 200 }));
    const ids = claims.map((claim) => claim.claimId);
    const deadline = Date.now() + 30_000;
    while ((await db.rightsClaim.count({ where: { id: { in: ids }, purgedAt: { not: null } } })) < ids.length) {
      if (Date.now() > deadline) throw new Error("the purge job did not run");
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
    // Each claim purged once, whichever runner took the job.
    const purges = await db.auditLog.groupBy({ by: ["targetId"], where: { action: "claim.purge", targetId: { in: ids.map(String) } }, _count: true });
    expect(purges.map((row) => row._count).sort()).toEqual(ids.map(() => 1));
    // The next run waits, once, for 04:00 in Korea.
    const waitFor = async () => db.$queryRawUnsafe<{ run_at: Date }[]>(`SELECT run_at FROM graphile_worker._private_jobs WHERE key = 'claims:purge-expired' AND locked_at IS NULL AND run_at > now()`);
    const until = Date.now() + 20_000;
    let waiting = await waitFor();
    while (waiting.length === 0 && Date.now() < until) {
      await new Promise((resolve) => setTimeout(resolve, 50));
      waiting = await waitFor();
    }
    expect(waiting).toHaveLength(1);
    const hourInKorea = (waiting[0]?.run_at.getUTCHours() ?? -1) + 9;
    expect(hourInKorea % 24).toBe(4);
  });
});
