// A valid form for every newsroom form handler, with the change it must make: the hostile-input
// test (tests/integration/form-handler-fuzz.test.ts) also runs these, so a handler that accepts
// everything and does nothing fails. Each case makes its own staff and stories. A handler added
// to FORM_HANDLERS without a case here does not compile.
import { randomUUID } from "node:crypto";
import { expect } from "vitest";
import type { ActionState } from "@/lib/actions/action-state";
import { approveArticle, unpublishArticle } from "@/lib/articles/workflow/transitions";
import { verifyPassword } from "@/lib/auth/password-hash";
import type { StaffUser } from "@/lib/auth/staff-user";
import { addBlockedWords, storedFormOf } from "@/lib/comments/blocked-word-list";
import { COMMENT_SETTINGS_KEY } from "@/lib/comments/comment-settings";
import { db } from "@/lib/db";
import { DIGEST_SETTINGS_KEY } from "@/lib/subscriptions/digest-settings";
import { ELIGIBILITY_SETTINGS_KEY } from "@/lib/eligibility/eligibility-settings";
import { toKstLocalInput } from "@/lib/format/korean-time";
import { applyTakedown } from "@/lib/takedowns/apply-takedown";
import { createElection } from "@/lib/elections/manage-elections";
import type { ArticleStatus, Role } from "@/lib/generated/prisma/enums";
import type { FormHandlerName } from "./form-handlers";
import { STAFF_PASSWORD, createArticle, createStaff } from "./staff-fixtures";
import { fileClaim } from "./claim-fixtures";
import { submittableDraft, testSectionId } from "./story-fixtures";

/** What the handler did: its answer, or what it threw. */
export type Outcome = { state: ActionState | void } | { error: unknown };

export interface ValidCase {
  role: Role;
  /** Makes what the form acts on; returns the form and the check of its effect. */
  arrange: (actor: StaffUser) => Promise<{ form: Record<string, string | string[]>; effect: (outcome: Outcome) => Promise<void> }>;
}

/** The handler answered "ok" (and, when given, with this message). */
function answeredOk(outcome: Outcome, message?: RegExp): ActionState & { status: "ok" } {
  if ("error" in outcome) throw outcome.error;
  const state = outcome.state ?? { status: "ok", message: "" };
  expect(state).toMatchObject({ status: "ok" });
  if (message) expect(state.status === "ok" && state.message).toMatch(message);
  return state as ActionState & { status: "ok" };
}

/** The effect of a workflow form: answered "ok", and the story is now in `status`. */
const storyNowIn = (id: number, status: ArticleStatus) => async (outcome: Outcome) => {
  answeredOk(outcome);
  expect((await db.article.findUniqueOrThrow({ where: { id }, select: { status: true } })).status).toBe(status);
};
const dayAhead = (days: number) => new Date(Date.now() + days * 86_400_000);
/** A word no other test uses: Hangul only (digits are stripped from blocked words). */
const uniqueWord = () => `시험${[...randomUUID().replaceAll("-", "").slice(0, 6)].map((c) => String.fromCharCode(0xac00 + parseInt(c, 16) * 97)).join("")}`;

async function scheduledStory(editor: StaffUser) {
  const reporter = await createStaff("REPORTER");
  const story = await createArticle(reporter.id, "SUBMITTED");
  await approveArticle(editor, story.id, { version: story.version, publishAt: dayAhead(1).toISOString() });
  return story;
}

async function commentOn(articleId: number) {
  return db.comment.create({ data: { articleId, body: "분리수거함부터 늘려 주세요.", guestName: "골목지킴이", ipHash: randomUUID() } });
}

export const VALID_FORMS: Record<FormHandlerName, ValidCase> = {
  submitArticleForm: {
    role: "REPORTER",
    arrange: async (reporter) => {
      const draft = await submittableDraft(reporter);
      return { form: { articleId: String(draft.id) }, effect: storyNowIn(draft.id, "SUBMITTED") };
    },
  },
  withdrawArticleForm: {
    role: "REPORTER",
    arrange: async (reporter) => {
      const story = await createArticle(reporter.id, "SUBMITTED");
      return { form: { articleId: String(story.id), note: "사진을 바꾸겠습니다" }, effect: storyNowIn(story.id, "DRAFT") };
    },
  },
  returnArticleForm: {
    role: "EDITOR",
    arrange: async () => {
      const story = await createArticle((await createStaff("REPORTER")).id, "SUBMITTED");
      const note = "사진 설명을 보강해 주세요.";
      return {
        form: { articleId: String(story.id), note },
        effect: async (outcome) => {
          answeredOk(outcome);
          expect(await db.article.findUniqueOrThrow({ where: { id: story.id }, select: { status: true, deskNote: true } })).toEqual({ status: "DRAFT", deskNote: note });
        },
      };
    },
  },
  approveArticleForm: {
    role: "EDITOR",
    arrange: async () => {
      const story = await createArticle((await createStaff("REPORTER")).id, "SUBMITTED");
      return { form: { articleId: String(story.id), version: String(story.version) }, effect: storyNowIn(story.id, "PUBLISHED") };
    },
  },
  unpublishArticleForm: {
    role: "EDITOR",
    arrange: async () => {
      const story = await createArticle((await createStaff("REPORTER")).id, "PUBLISHED");
      return { form: { articleId: String(story.id), reason: "법원의 게재 금지 결정" }, effect: storyNowIn(story.id, "UNPUBLISHED") };
    },
  },
  rescheduleArticleForm: {
    role: "EDITOR",
    arrange: async (editor) => {
      const story = await scheduledStory(editor);
      const to = dayAhead(2);
      to.setUTCSeconds(0, 0);
      return {
        form: { articleId: String(story.id), publishAt: toKstLocalInput(to) },
        effect: async (outcome) => {
          answeredOk(outcome, /예약 시각을 바꿨습니다/);
          expect(await db.article.findUniqueOrThrow({ where: { id: story.id }, select: { status: true, publishedAt: true } })).toEqual({ status: "SCHEDULED", publishedAt: to });
        },
      };
    },
  },
  cancelScheduleForm: {
    role: "EDITOR",
    arrange: async (editor) => {
      const story = await scheduledStory(editor);
      return { form: { articleId: String(story.id), note: "" }, effect: storyNowIn(story.id, "SUBMITTED") };
    },
  },
  republishArticleForm: {
    role: "EDITOR",
    arrange: async (editor) => {
      const story = await createArticle((await createStaff("REPORTER")).id, "PUBLISHED");
      await unpublishArticle(editor, story.id, { reason: "확인할 때까지 내림" });
      return { form: { articleId: String(story.id), reason: "사실 확인을 마쳤습니다" }, effect: storyNowIn(story.id, "PUBLISHED") };
    },
  },
  endBreakingForm: {
    role: "EDITOR",
    arrange: async (editor) => {
      const story = await createArticle((await createStaff("REPORTER")).id, "SUBMITTED");
      await approveArticle(editor, story.id, { version: story.version, breaking: true });
      return {
        form: { articleId: String(story.id) },
        effect: async (outcome) => {
          answeredOk(outcome, /속보 배너를 내렸습니다/);
          const { breakingUntil } = await db.article.findUniqueOrThrow({ where: { id: story.id }, select: { breakingUntil: true } });
          expect(breakingUntil!.getTime()).toBeLessThanOrEqual(Date.now());
        },
      };
    },
  },
  markNotificationsReadForm: {
    role: "REPORTER",
    arrange: async (reporter) => {
      const story = await createArticle(reporter.id, "DRAFT");
      await db.staffNotification.createMany({ data: [{ userId: reporter.id, articleId: story.id, kind: "RETURNED", note: "다시 보세요" }, { userId: reporter.id, articleId: story.id, kind: "RETURNED" }] });
      return {
        form: {},
        effect: async (outcome) => {
          answeredOk(outcome, /알림 2건을 읽음으로 표시했습니다/);
          expect(await db.staffNotification.count({ where: { userId: reporter.id, readAt: null } })).toBe(0);
        },
      };
    },
  },
  updateOwnProfileForm: {
    role: "REPORTER",
    // A reporter's own byline name is the admins' to change (issue 18): the form sends it unchanged.
    arrange: async (reporter) => ({
      form: { name: reporter.name, bio: "사회부에서 지역 행정을 맡고 있습니다." },
      effect: async (outcome) => {
        answeredOk(outcome);
        expect(await db.user.findUniqueOrThrow({ where: { id: reporter.id }, select: { name: true, bio: true } })).toEqual({ name: reporter.name, bio: "사회부에서 지역 행정을 맡고 있습니다." });
      },
    }),
  },
  changeOwnPasswordForm: {
    role: "REPORTER",
    arrange: async (reporter) => {
      const newPassword = "quiet-harbor-lantern-7402";
      const before = await db.user.findUniqueOrThrow({ where: { id: reporter.id }, select: { sessionVersion: true } });
      return {
        form: { currentPassword: STAFF_PASSWORD, newPassword, confirmPassword: newPassword },
        effect: async (outcome) => {
          // After the change it ends the session cookies, which needs a request: outside one,
          // Next.js refuses, so the handler got that far.
          expect("error" in outcome && String(outcome.error)).toMatch(/`cookies` was called outside a request scope/);
          const after = await db.user.findUniqueOrThrow({ where: { id: reporter.id }, select: { passwordHash: true, sessionVersion: true } });
          expect(await verifyPassword(after.passwordHash, newPassword)).toBe(true);
          expect(after.sessionVersion).toBe(before.sessionVersion + 1);
        },
      };
    },
  },
  createStaffForm: {
    role: "ADMIN",
    arrange: async () => {
      const email = `new-${randomUUID().slice(0, 8)}@test.newsroom`;
      return {
        form: { name: "한지우", email, role: "REPORTER", title: "인턴기자" },
        effect: async (outcome) => {
          const state = answeredOk(outcome);
          const user = await db.user.findUniqueOrThrow({ where: { email }, select: { name: true, role: true, title: true, mustChangePassword: true, passwordHash: true } });
          expect(user).toMatchObject({ name: "한지우", role: "REPORTER", title: "인턴기자", mustChangePassword: true });
          expect(await verifyPassword(user.passwordHash, state.secret ?? "")).toBe(true);
        },
      };
    },
  },
  updateStaffForm: {
    role: "ADMIN",
    arrange: async () => {
      const member = await createStaff("REPORTER");
      return {
        form: { userId: member.id, title: "선임기자", role: "EDITOR" },
        effect: async (outcome) => {
          answeredOk(outcome);
          expect(await db.user.findUniqueOrThrow({ where: { id: member.id }, select: { title: true, role: true } })).toEqual({ title: "선임기자", role: "EDITOR" });
        },
      };
    },
  },
  setStaffActiveForm: {
    role: "ADMIN",
    arrange: async () => {
      const member = await createStaff("REPORTER");
      return {
        form: { userId: member.id, active: "false" },
        effect: async (outcome) => {
          answeredOk(outcome, /비활성화했습니다/);
          expect((await db.user.findUniqueOrThrow({ where: { id: member.id } })).active).toBe(false);
        },
      };
    },
  },
  resetStaffPasswordForm: {
    role: "ADMIN",
    arrange: async () => {
      const member = await createStaff("REPORTER");
      return {
        form: { userId: member.id },
        effect: async (outcome) => {
          const state = answeredOk(outcome);
          const user = await db.user.findUniqueOrThrow({ where: { id: member.id }, select: { mustChangePassword: true, passwordHash: true } });
          expect(user.mustChangePassword).toBe(true);
          expect(await verifyPassword(user.passwordHash, state.secret ?? "")).toBe(true);
        },
      };
    },
  },
  moderateCommentsForm: {
    role: "EDITOR",
    arrange: async () => {
      const story = await createArticle((await createStaff("REPORTER")).id, "PUBLISHED");
      const [first, second] = [await commentOn(story.id), await commentOn(story.id)];
      return {
        form: { action: "hide", ids: [String(first.id), String(second.id)] },
        effect: async (outcome) => {
          answeredOk(outcome, /댓글 2개를 숨겼습니다/);
          expect(await db.comment.findMany({ where: { articleId: story.id }, select: { status: true } })).toEqual([{ status: "HIDDEN" }, { status: "HIDDEN" }]);
        },
      };
    },
  },
  setCommentsClosedForm: {
    role: "EDITOR",
    arrange: async () => {
      const story = await createArticle((await createStaff("REPORTER")).id, "PUBLISHED");
      return {
        form: { articleId: String(story.id), closed: "true" },
        effect: async (outcome) => {
          answeredOk(outcome);
          expect((await db.article.findUniqueOrThrow({ where: { id: story.id } })).commentsClosed).toBe(true);
        },
      };
    },
  },
  liftBanForm: {
    role: "EDITOR",
    arrange: async () => {
      const ban = await db.commentBan.create({ data: { ipHash: randomUUID(), reason: "욕설", expiresAt: dayAhead(3) } });
      return {
        form: { banId: String(ban.id) },
        effect: async (outcome) => {
          answeredOk(outcome);
          expect((await db.commentBan.findUniqueOrThrow({ where: { id: ban.id } })).expiresAt.getTime()).toBeLessThanOrEqual(Date.now());
        },
      };
    },
  },
  updateCommentSettingsForm: {
    role: "ADMIN",
    arrange: async () => {
      const settings = { minIntervalSeconds: 30, maxPerHourPerStory: 5, duplicateWindowMinutes: 10, maxLinks: 1, reportHideThreshold: 4, blockedWordAction: "reject" };
      return {
        form: Object.fromEntries(Object.entries(settings).map(([key, value]) => [key, String(value)])),
        effect: async (outcome) => {
          answeredOk(outcome);
          expect((await db.siteSetting.findUniqueOrThrow({ where: { key: COMMENT_SETTINGS_KEY } })).value).toEqual(settings);
        },
      };
    },
  },
  updateDigestSettingsForm: {
    role: "ADMIN",
    arrange: async () => ({
      form: { enabled: "on", time: "06:30" },
      effect: async (outcome) => {
        answeredOk(outcome, /06:30/);
        expect((await db.siteSetting.findUniqueOrThrow({ where: { key: DIGEST_SETTINGS_KEY } })).value).toEqual({ enabled: true, time: "06:30" });
      },
    }),
  },
  addBlockedWordsForm: {
    role: "ADMIN",
    arrange: async () => {
      const words = [uniqueWord(), uniqueWord()];
      return {
        form: { words: words.join("\n") },
        effect: async (outcome) => {
          answeredOk(outcome, /금칙어 2개를 더했습니다/);
          expect(await db.blockedWord.count({ where: { word: { in: words.map(storedFormOf) } } })).toBe(2);
        },
      };
    },
  },
  removeBlockedWordsForm: {
    role: "ADMIN",
    arrange: async (admin) => {
      const [word] = await addBlockedWords(admin, { words: uniqueWord() });
      const { id } = await db.blockedWord.findUniqueOrThrow({ where: { word } });
      return {
        form: { wordIds: [String(id)] },
        effect: async (outcome) => {
          answeredOk(outcome, /금칙어 1개를 뺐습니다/);
          expect(await db.blockedWord.count({ where: { id } })).toBe(0);
        },
      };
    },
  },
  testBlockedWordsForm: {
    role: "ADMIN",
    arrange: async (admin) => {
      const [word] = await addBlockedWords(admin, { words: uniqueWord() });
      return {
        form: { text: `이 문장에는 ${word} 이 들어 있다` },
        effect: async (outcome) => {
          answeredOk(outcome, new RegExp(`걸립니다: .*금칙어 "${word}"`));
        },
      };
    },
  },
  applyTakedownForm: {
    role: "EDITOR",
    arrange: async () => {
      const story = await createArticle((await createStaff("REPORTER")).id, "PUBLISHED");
      const comment = await commentOn(story.id);
      return {
        form: { commentId: String(comment.id), reason: "PRIVACY", days: "7", claimReference: "R-2026-0042", note: "청구서 사본 보관" },
        effect: async (outcome) => {
          answeredOk(outcome, /연락처가 없어 알리지 못했습니다/);
          expect(await db.takedown.findFirstOrThrow({ where: { commentId: comment.id } })).toMatchObject({ status: "ACTIVE", reason: "PRIVACY", claimReference: "R-2026-0042" });
        },
      };
    },
  },
  restoreTakedownForm: {
    role: "EDITOR",
    arrange: async (editor) => {
      const story = await createArticle((await createStaff("REPORTER")).id, "PUBLISHED");
      const { id } = await applyTakedown(editor, { articleId: story.id, reason: "DEFAMATION", days: 30 });
      return {
        form: { takedownId: String(id), note: "청구인이 요청을 거두었습니다" },
        effect: async (outcome) => {
          answeredOk(outcome);
          expect(await db.takedown.findUniqueOrThrow({ where: { id } })).toMatchObject({ status: "RESTORED", endedById: editor.id });
        },
      };
    },
  },
  deleteTakedownTargetForm: {
    role: "EDITOR",
    arrange: async (editor) => {
      const story = await createArticle((await createStaff("REPORTER")).id, "PUBLISHED");
      const { id } = await applyTakedown(editor, { articleId: story.id, reason: "DEFAMATION", days: 30 });
      return {
        form: { takedownId: String(id), note: "권리침해가 인정되었습니다" },
        effect: async (outcome) => {
          await storyNowIn(story.id, "UNPUBLISHED")(outcome);
          expect((await db.takedown.findUniqueOrThrow({ where: { id } })).status).toBe("DELETED");
        },
      };
    },
  },
  createElectionForm: {
    role: "ADMIN",
    arrange: async () => {
      const name = `시험 선거 ${randomUUID().slice(0, 8)}`;
      return {
        // Far ahead, so its blackout touches no other test's poll story.
        form: { name, electionDay: "2091-06-13", votingEndsAt: "20:00" },
        effect: async (outcome) => {
          answeredOk(outcome, /2091-06-07 00:00부터 2091-06-13 20:00까지/);
          expect(await db.election.findFirstOrThrow({ where: { name } })).toMatchObject({
            pollBlackoutStartsAt: new Date("2091-06-06T15:00:00Z"),
            votingEndsAt: new Date("2091-06-13T11:00:00Z"),
          });
        },
      };
    },
  },
  deleteElectionForm: {
    role: "ADMIN",
    arrange: async (admin) => {
      const { id } = await createElection(admin, { name: `지울 선거 ${randomUUID().slice(0, 8)}`, electionDay: "2092-04-09" });
      return {
        form: { electionId: String(id) },
        effect: async (outcome) => {
          answeredOk(outcome);
          expect(await db.election.findUnique({ where: { id } })).toBeNull();
        },
      };
    },
  },
  updateEligibilitySettingsForm: {
    role: "ADMIN",
    arrange: async () => ({
      form: { ownReportingThresholdPercent: "35" },
      effect: async (outcome) => {
        answeredOk(outcome, /35%/);
        expect((await db.siteSetting.findUniqueOrThrow({ where: { key: ELIGIBILITY_SETTINGS_KEY } })).value).toEqual({ ownReportingThresholdPercent: 35 });
      },
    }),
  },
  claimDecisionForm: {
    role: "EDITOR",
    arrange: async () => {
      const reporter = await createStaff("REPORTER");
      const { claimId } = await fileClaim((await createArticle(reporter.id, "PUBLISHED")).id);
      return {
        form: { claimId: String(claimId), action: "reject", grounds: ["clearly-false"], message: "감사 결과와 다릅니다." },
        effect: async (outcome) => {
          answeredOk(outcome, /거부/);
          expect(await db.rightsClaim.findUniqueOrThrow({ where: { id: claimId }, select: { status: true, rejectionGrounds: true } })).toEqual({ status: "REJECTED", rejectionGrounds: ["clearly-false"] });
        },
      };
    },
  },
  flagClaimStoryForm: {
    role: "EDITOR",
    arrange: async () => {
      const reporter = await createStaff("REPORTER");
      const story = await createArticle(reporter.id, "PUBLISHED");
      const { claimId } = await fileClaim(story.id);
      return {
        form: { claimId: String(claimId), label: "on", commentsClosed: "on" },
        effect: async (outcome) => {
          answeredOk(outcome, /댓글을 닫았습니다/);
          expect(await db.rightsClaim.findUniqueOrThrow({ where: { id: claimId }, select: { labelShown: true, closedComments: true } })).toEqual({ labelShown: true, closedComments: true });
          expect((await db.article.findUniqueOrThrow({ where: { id: story.id } })).commentsClosed).toBe(true);
        },
      };
    },
  },
  updateClaimSettingsForm: {
    role: "ADMIN",
    arrange: async () => ({
      form: { replyDays: "3", publishDays: "7", takedownReplyDays: "2", retentionDays: "1095", maxPerHourPerSource: "3", maxPerDayPerSource: "10" },
      effect: async (outcome) => {
        answeredOk(outcome, /권리구제 설정/);
        expect((await db.siteSetting.findUniqueOrThrow({ where: { key: "claims.settings" } })).value).toMatchObject({ takedownReplyDays: 2 });
        await db.siteSetting.delete({ where: { key: "claims.settings" } });
      },
    }),
  },
  saveDestinationForm: {
    role: "ADMIN",
    arrange: async () => {
      const name = `피드 포털 ${randomUUID().slice(0, 6)}`;
      const sectionId = await testSectionId();
      return {
        form: { name, kind: "PULL", feedFormat: "ATOM", active: "on", [`category-${sectionId}`]: "사회" },
        effect: async (outcome) => {
          const state = answeredOk(outcome, /만들었습니다/);
          expect(state.secret).toMatch(/\/api\/portal\/feeds\/\d+\//);
          const saved = await db.portalDestination.findUniqueOrThrow({ where: { name }, select: { kind: true, feedFormat: true, categories: { select: { sectionId: true, category: true } } } });
          expect(saved).toEqual({ kind: "PULL", feedFormat: "ATOM", categories: [{ sectionId, category: "사회" }] });
        },
      };
    },
  },
  sendToDestinationForm: {
    role: "EDITOR",
    arrange: async () => {
      const { destination, story } = await portalFixture("PULL");
      return {
        form: { articleId: String(story.id), destinationId: String(destination.id) },
        effect: async (outcome) => {
          answeredOk(outcome, /피드에 올렸습니다/);
          expect(await db.portalTransmission.findMany({ where: { articleId: story.id }, select: { status: true, action: true } })).toEqual([{ status: "SENT", action: "NEW" }]);
        },
      };
    },
  },
  resendTransmissionForm: {
    role: "EDITOR",
    arrange: async () => {
      const { destination, story } = await portalFixture("PUSH");
      const row = await db.portalTransmission.create({
        data: { destinationId: destination.id, articleId: story.id, revisionId: story.liveRevisionId, revisionNumber: 1, action: "NEW", status: "DEAD", attempts: 8, lastError: "수신처 응답 HTTP 500" },
      });
      return {
        form: { transmissionId: String(row.id) },
        effect: async (outcome) => {
          answeredOk(outcome, /다시 보내기/);
          expect(await db.portalTransmission.findUniqueOrThrow({ where: { id: row.id }, select: { status: true, attempts: true } })).toEqual({ status: "PENDING", attempts: 0 });
        },
      };
    },
  },
  holdForDestinationForm: {
    role: "EDITOR",
    arrange: async () => {
      const { destination, story } = await portalFixture("PULL");
      return {
        form: { articleId: String(story.id), destinationId: String(destination.id) },
        effect: async (outcome) => {
          answeredOk(outcome, /보류했습니다/);
          expect(await db.portalHold.count({ where: { articleId: story.id, destinationId: destination.id } })).toBe(1);
        },
      };
    },
  },
  releaseForDestinationForm: {
    role: "EDITOR",
    arrange: async () => {
      const { destination, story } = await portalFixture("PULL");
      await db.portalHold.create({ data: { articleId: story.id, destinationId: destination.id } });
      return {
        form: { articleId: String(story.id), destinationId: String(destination.id) },
        effect: async (outcome) => {
          answeredOk(outcome, /보류를 풀었습니다/);
          expect(await db.portalHold.count({ where: { articleId: story.id } })).toBe(0);
        },
      };
    },
  },
};

/** A destination mapping the test section, and a published story in it. */
async function portalFixture(kind: "PULL" | "PUSH") {
  const destination = await db.portalDestination.create({
    data: {
      name: `시험 송고처 ${randomUUID().slice(0, 8)}`,
      kind,
      endpoint: kind === "PUSH" ? "https://portal.example.kr/ingest" : "",
      secret: "s".repeat(64),
      categories: { create: [{ sectionId: await testSectionId(), category: "사회" }] },
    },
  });
  const story = await createArticle((await createStaff("REPORTER")).id, "PUBLISHED");
  const live = await db.article.findUniqueOrThrow({ where: { id: story.id }, select: { id: true, liveRevisionId: true, sectionId: true } });
  // The live revision is what goes out, and its section is what maps to a category.
  await db.articleRevision.update({ where: { id: live.liveRevisionId ?? "" }, data: { sectionId: live.sectionId } });
  return { destination, story: live };
}
