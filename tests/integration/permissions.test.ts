// Every (role x action x ownership) pair, run against the real domain functions and a real
// database: what the issue says each role may do must succeed, everything else must be refused
// with FORBIDDEN. The expectations below are written out from the product rules, not read from
// lib/auth/permissions.ts, so a wrong row in the table fails here. An action added to the table
// without a row here fails too.
import { beforeAll, describe, expect, it } from "vitest";
import { createArticleDraft, saveArticle } from "@/lib/articles/editor/edit-article";
import { getArticleForNewsroom } from "@/lib/articles/newsroom-articles";
import { approveArticle, returnArticle, submitArticle, unpublishArticle } from "@/lib/articles/workflow/transitions";
import { listAuditLog } from "@/lib/audit/list-audit-log";
import { ACTIONS, type Action } from "@/lib/auth/permissions";
import { DEFAULT_COMMENT_SETTINGS, updateCommentSettings } from "@/lib/comments/comment-settings";
import { banCommentSources, moderateComments, setCommentsClosed } from "@/lib/comments/moderation";
import { db } from "@/lib/db";
import { DEFAULT_DIGEST_SETTINGS, updateDigestSettings } from "@/lib/subscriptions/digest-settings";
import { buildEligibilityCsv } from "@/lib/eligibility/eligibility-csv";
import { getEligibilityReport } from "@/lib/eligibility/eligibility-report";
import { updateEligibilitySettings } from "@/lib/eligibility/eligibility-settings";
import type { StaffUser } from "@/lib/auth/staff-user";
import { DomainError } from "@/lib/errors";
import type { Role } from "@/lib/generated/prisma/enums";
import { heartbeatPresence } from "@/lib/articles/editor/presence";
import { listMedia, updateMedia } from "@/lib/media/media-library";
import { storeUploadedImage } from "@/lib/media/store-uploaded-image";
import { createStaffMember, listStaff, resetStaffPassword, setStaffActive, updateStaffMember } from "@/lib/staff/manage-staff";
import { changeOwnPassword, getOwnProfile, updateOwnProfile } from "@/lib/staff/own-account";
import { holdStoryForDestination } from "@/lib/portal/desk-actions";
import { saveDestination } from "@/lib/portal/destinations";
import { getStoryTransmissions } from "@/lib/portal/transmission-queries";
import { applyTakedown } from "@/lib/takedowns/apply-takedown";
import { createElection } from "@/lib/elections/manage-elections";
import { createArticle, createMedia, createStaff, STAFF_PASSWORD } from "../support/staff-fixtures";
import { fileClaim } from "../support/claim-fixtures";
import { decideClaim } from "@/lib/claims/claim-decisions";
import { listClaimQueue } from "@/lib/claims/claim-queue";
import { DEFAULT_CLAIM_SETTINGS, updateClaimSettings } from "@/lib/claims/claim-settings";
import sharp from "sharp";

type Expected = Record<Role, { own: boolean; other: boolean }>;

const yes = { own: true, other: true };
const no = { own: false, other: false };
const ownOnly = { own: true, other: false };

// The product rules (issue "Staff accounts, roles and sign-in"): reporters write and submit their
// own stories and edit their own drafts; the desk (EDITOR) reviews, edits any story, approves,
// publishes, unpublishes; ADMIN does everything plus staff and the audit log. Everyone edits
// their own profile and password.
const EXPECTED: Record<Action, Expected> = {
  "article.create": { REPORTER: yes, EDITOR: yes, ADMIN: yes },
  "article.read": { REPORTER: ownOnly, EDITOR: yes, ADMIN: yes },
  "article.edit": { REPORTER: ownOnly, EDITOR: yes, ADMIN: yes },
  "article.submit": { REPORTER: ownOnly, EDITOR: ownOnly, ADMIN: ownOnly },
  "article.return": { REPORTER: no, EDITOR: yes, ADMIN: yes },
  "article.approve": { REPORTER: no, EDITOR: yes, ADMIN: yes },
  "article.unpublish": { REPORTER: no, EDITOR: yes, ADMIN: yes },
  // Issue "The story editor": the desk may take over a story someone has open; reporters never.
  "article.takeover": { REPORTER: no, EDITOR: yes, ADMIN: yes },
  "media.upload": { REPORTER: yes, EDITOR: yes, ADMIN: yes },
  // Everyone uses the shared library; captions are edited by the uploader or the desk.
  "media.read": { REPORTER: yes, EDITOR: yes, ADMIN: yes },
  "media.edit": { REPORTER: ownOnly, EDITOR: yes, ADMIN: yes },
  "staff.list": { REPORTER: no, EDITOR: no, ADMIN: yes },
  "staff.create": { REPORTER: no, EDITOR: no, ADMIN: yes },
  "staff.update": { REPORTER: no, EDITOR: no, ADMIN: yes },
  "staff.deactivate": { REPORTER: no, EDITOR: no, ADMIN: yes },
  "staff.resetPassword": { REPORTER: no, EDITOR: no, ADMIN: yes },
  "profile.read": { REPORTER: ownOnly, EDITOR: ownOnly, ADMIN: ownOnly },
  "profile.update": { REPORTER: ownOnly, EDITOR: ownOnly, ADMIN: ownOnly },
  "password.change": { REPORTER: ownOnly, EDITOR: ownOnly, ADMIN: ownOnly },
  "audit.read": { REPORTER: no, EDITOR: no, ADMIN: yes },
  // Readers' comments (issue "Reader comments"): the desk (editors and admins) moderates, bans
  // and closes; only admins change the blocked words and comment rules.
  "comment.moderate": { REPORTER: no, EDITOR: yes, ADMIN: yes },
  "comment.ban": { REPORTER: no, EDITOR: yes, ADMIN: yes },
  "comment.close": { REPORTER: no, EDITOR: yes, ADMIN: yes },
  "comment.configure": { REPORTER: no, EDITOR: no, ADMIN: yes },
  // Portal transmission: the desk sees and sends per destination; only admins set destinations up.
  "portal.read": { REPORTER: no, EDITOR: yes, ADMIN: yes },
  "portal.send": { REPORTER: no, EDITOR: yes, ADMIN: yes },
  "portal.configure": { REPORTER: no, EDITOR: no, ADMIN: yes },
  "newsletter.configure": { REPORTER: no, EDITOR: no, ADMIN: yes },
  // Issue 22 (임시조치): the desk blocks a story or a comment; reporters never, not even their own.
  "takedown.manage": { REPORTER: no, EDITOR: yes, ADMIN: yes },
  // Elections (issue 22): an admin's setting; far ahead so no other test's poll story is in the window.
  "election.manage": { REPORTER: no, EDITOR: no, ADMIN: yes },
  // Issue 21 (eligibility): the publisher's page and the reviewers' CSV are for the desk and
  // admins; only admins set the threshold.
  "eligibility.read": { REPORTER: no, EDITOR: yes, ADMIN: yes },
  "eligibility.configure": { REPORTER: no, EDITOR: no, ADMIN: yes },
  // The rights desk (issue "The rights desk"): the desk reads and answers readers' claims, which
  // carry the claimants' personal data; only admins set the legal periods and the retention.
  "claim.read": { REPORTER: no, EDITOR: yes, ADMIN: yes },
  "claim.decide": { REPORTER: no, EDITOR: yes, ADMIN: yes },
  "claim.configure": { REPORTER: no, EDITOR: no, ADMIN: yes },
};

let tinyPng: Buffer;
let others: Record<Role, StaffUser>;

/**
 * How to attempt each action as `actor` on a fresh record owned by `owner` (the actor itself for
 * "own", somebody else for "other"). Actions on one's own account have no "other" form: the
 * functions take no target, so "other" is not applicable there.
 */
const ATTEMPTS: Record<Action, { self?: true; run: (actor: StaffUser, owner: StaffUser) => Promise<unknown> }> = {
  "article.create": { run: (actor) => createArticleDraft(actor, { headline: "새 기사" }) },
  "article.read": { run: async (actor, owner) => getArticleForNewsroom(actor, (await createArticle(owner.id)).id) },
  "article.edit": { run: async (actor, owner) => saveArticle(actor, (await createArticle(owner.id)).id, { version: 1, headline: "고친 제목" }) },
  "article.submit": { run: async (actor, owner) => submitArticle(actor, (await createArticle(owner.id)).id) },
  "article.return": { run: async (actor, owner) => returnArticle(actor, (await createArticle(owner.id, "SUBMITTED")).id, { note: "출처 보강" }) },
  "article.approve": { run: async (actor, owner) => approveArticle(actor, (await createArticle(owner.id, "SUBMITTED")).id, { version: 1 }) },
  "article.unpublish": { run: async (actor, owner) => unpublishArticle(actor, (await createArticle(owner.id, "PUBLISHED")).id, { reason: "오보" }) },
  "article.takeover": {
    // The owner has the story open; the actor asks to take it.
    run: async (actor, owner) => {
      const { id } = await createArticle(owner.id);
      await heartbeatPresence(owner, id, {});
      return heartbeatPresence(actor, id, { takeOver: true });
    },
  },
  "media.upload": { run: (actor) => storeUploadedImage(actor, new File([new Uint8Array(tinyPng)], "a.png"), { widths: [100] }) },
  "media.read": { run: (actor) => listMedia(actor, {}) },
  "media.edit": { run: async (actor, owner) => updateMedia(actor, (await createMedia(owner.id)).id, { caption: "고친 사진 설명" }) },
  "staff.list": { run: (actor) => listStaff(actor) },
  "staff.create": { run: (actor) => createStaffMember(actor, { name: `새 직원 ${crypto.randomUUID().slice(0, 8)}`, email: `new-${crypto.randomUUID()}@test.newsroom`, role: "REPORTER", title: "인턴기자" }) },
  "staff.update": { run: async (actor) => updateStaffMember(actor, (await createStaff("REPORTER")).id, { title: "수습기자" }) },
  "staff.deactivate": { run: async (actor) => setStaffActive(actor, (await createStaff("REPORTER")).id, false) },
  "staff.resetPassword": { run: async (actor) => resetStaffPassword(actor, (await createStaff("REPORTER")).id) },
  "profile.read": { self: true, run: (actor) => getOwnProfile(actor) },
  "profile.update": { self: true, run: (actor) => updateOwnProfile(actor, { bio: "새 소개" }) },
  "password.change": {
    self: true,
    run: (actor) => changeOwnPassword(actor, { currentPassword: STAFF_PASSWORD, newPassword: "a-new-strong-password-9", confirmPassword: "a-new-strong-password-9" }),
  },
  "audit.read": { run: (actor) => listAuditLog(actor) },
  "comment.moderate": { run: async (actor, owner) => moderateComments(actor, { ids: [await guestComment(owner)], action: "hide" }) },
  "comment.ban": { run: async (actor, owner) => banCommentSources(actor, { ids: [await guestComment(owner)], days: 1 }) },
  "comment.close": { run: async (actor, owner) => setCommentsClosed(actor, { articleId: (await createArticle(owner.id, "PUBLISHED")).id, closed: true }) },
  "comment.configure": { run: (actor) => updateCommentSettings(actor, DEFAULT_COMMENT_SETTINGS) },
  "portal.read": { run: async (actor, owner) => getStoryTransmissions(actor, (await createArticle(owner.id, "PUBLISHED")).id) },
  "portal.send": { run: async (actor, owner) => holdStoryForDestination(actor, (await createArticle(owner.id, "PUBLISHED")).id, await pullDestination()) },
  "portal.configure": { run: (actor) => saveDestination(actor, null, { name: `포털 ${crypto.randomUUID()}`, kind: "PULL" }) },
  "newsletter.configure": { run: (actor) => updateDigestSettings(actor, DEFAULT_DIGEST_SETTINGS) },
  "takedown.manage": { run: async (actor, owner) => applyTakedown(actor, { articleId: (await createArticle(owner.id, "PUBLISHED")).id, reason: "DEFAMATION", days: 7 }) },
  "election.manage": { run: (actor) => createElection(actor, { name: "권한 시험 선거", electionDay: "2093-06-03" }) },
  // The page's report and the CSV download alike.
  "eligibility.read": { run: async (actor) => [await getEligibilityReport(actor), await buildEligibilityCsv(actor)] },
  "eligibility.configure": { run: (actor) => updateEligibilitySettings(actor, { ownReportingThresholdPercent: 30 }) },
  "claim.read": { run: (actor) => listClaimQueue(actor) },
  "claim.decide": { run: async (actor, owner) => decideClaim(actor, (await fileClaim((await createArticle(owner.id, "PUBLISHED")).id)).claimId, "request-info", { message: "기사 주소를 알려 주세요." }) },
  "claim.configure": { run: (actor) => updateClaimSettings(actor, DEFAULT_CLAIM_SETTINGS) },
};

async function pullDestination(): Promise<number> {
  return (await db.portalDestination.create({ data: { name: `권한 시험 ${crypto.randomUUID()}`, kind: "PULL", secret: "x".repeat(64) } })).id;
}

/** A reader's comment under a published story by `author` (comments belong to no staff member). */
async function guestComment(author: StaffUser): Promise<number> {
  const article = await createArticle(author.id, "PUBLISHED");
  const comment = await db.comment.create({ data: { articleId: article.id, body: "독자 댓글", guestName: "독자", ipHash: `perm-${crypto.randomUUID()}` } });
  return comment.id;
}

beforeAll(async () => {
  tinyPng = await sharp({ create: { width: 4, height: 4, channels: 3, background: "#336699" } }).png().toBuffer();
  others = { REPORTER: await createStaff("REPORTER"), EDITOR: await createStaff("EDITOR"), ADMIN: await createStaff("ADMIN") };
});

describe("the permission table covers every action", () => {
  it("has an expectation and an attempt for each action in lib/auth/permissions.ts", () => {
    expect(Object.keys(EXPECTED).sort()).toEqual([...ACTIONS].sort());
    expect(Object.keys(ATTEMPTS).sort()).toEqual([...ACTIONS].sort());
  });
});

const cases = ACTIONS.flatMap((action) =>
  (["REPORTER", "EDITOR", "ADMIN"] as const).flatMap((role) =>
    (["own", "other"] as const).map((ownership) => ({ action, role, ownership, allowed: EXPECTED[action]?.[role][ownership] })),
  ),
);

describe.each(cases)("$role: $action on $ownership record", ({ action, role, ownership, allowed }) => {
  const attempt = ATTEMPTS[action];
  it.skipIf(attempt?.self && ownership === "other")(allowed ? "is allowed" : "is refused", async () => {
    if (!attempt || allowed === undefined) throw new Error(`no row for ${action}`);
    // A fresh actor per case: password changes and deactivations must not leak between cases.
    const actor = await createStaff(role);
    const owner = ownership === "own" ? actor : others[role === "REPORTER" ? "EDITOR" : "REPORTER"];
    const outcome = await attempt.run(actor, owner).then(
      () => "ok",
      (error: unknown) => (error instanceof DomainError ? error.code : `unexpected: ${String(error)}`),
    );
    expect(outcome).toBe(allowed ? "ok" : "FORBIDDEN");
  });
});

describe("workflow rules on top of the table", () => {
  it("a reporter cannot edit their own story once it is with the desk", async () => {
    const reporter = await createStaff("REPORTER");
    const article = await createArticle(reporter.id, "SUBMITTED");
    await expect(saveArticle(reporter, article.id, { version: 1, headline: "몰래 고친 제목" })).rejects.toMatchObject({ code: "FORBIDDEN" });
  });

  it("a reporter cannot approve even their own submitted story", async () => {
    const reporter = await createStaff("REPORTER", { title: "인턴기자" });
    const article = await createArticle(reporter.id, "SUBMITTED");
    await expect(approveArticle(reporter, article.id, { version: 1 })).rejects.toMatchObject({ code: "FORBIDDEN" });
  });
});
