// Readers' e-mail channels end to end on a real PostgreSQL, the real job queue and a real SMTP
// server on loopback: the double opt-in (nothing before confirmation), what goes over the wire
// (RFC 8058 headers, a Korean subject encoded, HTML and text parts), one-click unsubscribe by one
// POST with the address deleted, the per-source limit, a mail server that refuses mails (the
// queue retries, none lost), and that a follower's mail and the morning digest carry only
// stories readers may see (the planted stories).
import { randomUUID } from "node:crypto";
import { simpleParser, type ParsedMail } from "mailparser";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { POST as oneClickUnsubscribe } from "@/app/api/subscriptions/unsubscribe/route";
import { approveArticle, submitArticle } from "@/lib/articles/workflow/transitions";
import type { StaffUser } from "@/lib/auth/staff-user";
import type { CommentVisitor } from "@/lib/comments/comment-source";
import { db } from "@/lib/db";
import { enqueueJob } from "@/lib/jobs/enqueue-job";
import { startJobRunner, type RunningJobRunner } from "@/lib/jobs/job-runner";
import { DomainError } from "@/lib/errors";
import { readerMailTasks } from "@/lib/subscriptions/mail-tasks";
import type { ReaderMailJobPayloads } from "@/lib/subscriptions/mail-queue";
import { smtpMailer } from "@/lib/subscriptions/mail-transport";
import { SIGNUPS_PER_HOUR, confirmSubscription, requestSubscription } from "@/lib/subscriptions/subscriptions";
import { startOfKstDay } from "@/lib/views/view-counter";
import { startLocalSmtp, type LocalSmtp } from "../support/local-smtp";
import { expectNoPlantedStory, plantStories, type PlantedStories } from "../support/planted-stories";
import { createStaff } from "../support/staff-fixtures";
import { submittableDraft } from "../support/story-fixtures";

let smtp: LocalSmtp;
let runner: RunningJobRunner;
let reporter: StaffUser;
let editor: StaffUser;

const quiet = { debug: () => undefined, warn: () => undefined, error: () => undefined };
const visitor = (): CommentVisitor => ({ source: `src-${randomUUID()}`, widerSource: `net-${randomUUID()}` });
const address = () => `reader-${randomUUID().slice(0, 8)}@example.com`;

async function waitFor(condition: () => boolean | Promise<boolean>, what: string, timeoutMs = 30_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await condition())) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 25));
  }
}

async function jobsWaiting(): Promise<number> {
  const rows = await db.$queryRawUnsafe<{ count: bigint }[]>("SELECT count(*) AS count FROM graphile_worker._private_jobs WHERE run_at <= now() + interval '1 minute'");
  return Number(rows[0]?.count ?? 0);
}

/** The queue has nothing due left to run: every mail that will be sent now has been. */
const queueDrained = () => waitFor(async () => (await jobsWaiting()) === 0, "the mail jobs to run");

const mailsTo = async (to: string): Promise<{ raw: string; parsed: ParsedMail }[]> => {
  const all = await Promise.all(smtp.received.map(async (raw) => ({ raw, parsed: await simpleParser(raw) })));
  return all.filter((mail) => mail.parsed.to && !Array.isArray(mail.parsed.to) && mail.parsed.to.value[0]?.address === to);
};

const tokenOf = async (email: string) => (await db.readerSubscription.findFirstOrThrow({ where: { email } })).token;

/** A story through the desk, public now. */
async function publishStory(author: StaffUser, headline: string): Promise<number> {
  const draft = await submittableDraft(author, { headline });
  await submitArticle(author, draft.id);
  const { version } = await db.article.findUniqueOrThrow({ where: { id: draft.id } });
  await approveArticle(editor, draft.id, { version });
  return draft.id;
}

beforeAll(async () => {
  smtp = await startLocalSmtp();
  const mailer = smtpMailer(smtp.url, { name: "누리일보", address: "newsletter@nuri-ilbo.test" }, { timeoutMs: 5_000 });
  runner = await startJobRunner<ReaderMailJobPayloads>({ connectionString: process.env.DATABASE_URL ?? "", tasks: readerMailTasks(() => mailer), pollIntervalMs: 200, log: quiet });
  reporter = await createStaff("REPORTER", { name: "김하늘" });
  editor = await createStaff("EDITOR");
  // A reporter has a public page (and can be followed) once a story of theirs is public.
  await publishStory(reporter, "시의회, 내년 예산안 심사 착수");
  await queueDrained();
});

afterAll(async () => {
  await runner?.stop();
  await smtp?.close();
});

afterEach(() => smtp.refuse(false));

describe("double opt-in", () => {
  it("sends only the confirmation mail until the reader confirms, then the followed reporter's new story", async () => {
    const email = address();
    const { reporterNumber } = await db.user.findUniqueOrThrow({ where: { id: reporter.id } });
    const answer = await requestSubscription({ topic: "reporter", reporterNumber, email: ` ${email.toUpperCase()} ` }, visitor());
    expect(answer.message).toContain("확인 메일");
    await waitFor(async () => (await mailsTo(email)).length === 1, "the confirmation mail");

    // Not confirmed yet: a new story of the reporter sends nothing to this reader.
    await publishStory(reporter, "확인 전 기사 구청 예산 심사");
    await queueDrained();
    expect(await mailsTo(email)).toHaveLength(1);

    const [confirmation] = await mailsTo(email);
    const token = await tokenOf(email);
    expect(confirmation!.parsed.text).toContain(`/subscriptions/confirm?token=${token}`);
    expect(await confirmSubscription(token)).toBe("confirmed");
    expect(await confirmSubscription(token)).toBe("already-confirmed");

    const headline = `확인 뒤 기사 ${randomUUID().slice(0, 6)} 도서관 개관`;
    await publishStory(reporter, headline);
    await waitFor(async () => (await mailsTo(email)).length === 2, "the follower's mail");
    const story = (await mailsTo(email))[1]!;
    expect(story.parsed.subject).toBe(`[김하늘 기자] ${headline}`);
    expect(story.parsed.html).toContain(headline);
    expect(story.parsed.text).toContain(headline);
  });

  it("answers a repeated request the same way and sends no second confirmation within minutes, nor any to a confirmed address", async () => {
    const email = address();
    const first = await requestSubscription({ topic: "digest", email }, visitor());
    const again = await requestSubscription({ topic: "digest", email }, visitor());
    expect(again).toEqual(first);
    await queueDrained();
    expect(await mailsTo(email)).toHaveLength(1);
    await confirmSubscription(await tokenOf(email));
    expect(await requestSubscription({ topic: "digest", email }, visitor())).toEqual(first);
    await queueDrained();
    expect(await mailsTo(email)).toHaveLength(1);
  });

  it("refuses an expired confirmation link and a made-up one, with a Korean message", async () => {
    const email = address();
    await requestSubscription({ topic: "digest", email }, visitor());
    const token = await tokenOf(email);
    const later = new Date(Date.now() + 49 * 3_600_000);
    await expect(confirmSubscription(token, later)).rejects.toMatchObject({ code: "NOT_FOUND", message: expect.stringContaining("만료") });
    await expect(confirmSubscription("x".repeat(43))).rejects.toBeInstanceOf(DomainError);
    await expect(confirmSubscription("<script>")).rejects.toMatchObject({ code: "VALIDATION" });
  });

  it("refuses bad input with Korean messages, and an unknown reporter like a staff account without a public page", async () => {
    await expect(requestSubscription({ topic: "digest", email: "not an address" }, visitor())).rejects.toMatchObject({ code: "VALIDATION", message: expect.stringContaining("이메일") });
    await expect(requestSubscription({ email: address() }, visitor())).rejects.toMatchObject({ code: "VALIDATION", message: expect.stringContaining("구독") });
    const staffOnly = await createStaff("REPORTER");
    const { reporterNumber } = await db.user.findUniqueOrThrow({ where: { id: staffOnly.id } });
    await expect(requestSubscription({ topic: "reporter", reporterNumber, email: address() }, visitor())).rejects.toMatchObject({ code: "NOT_FOUND" });
  });

  it(`limits sign-ups to ${SIGNUPS_PER_HOUR} an hour per source`, async () => {
    const source = visitor();
    for (let i = 0; i < SIGNUPS_PER_HOUR; i++) await requestSubscription({ topic: "digest", email: address() }, source);
    await expect(requestSubscription({ topic: "digest", email: address() }, source)).rejects.toMatchObject({ code: "LOCKED", details: { retryAfterSeconds: expect.any(Number) } });
    // Another reader elsewhere is not held back.
    await expect(requestSubscription({ topic: "digest", email: address() }, visitor())).resolves.toBeTruthy();
  });
});

describe("what goes over the wire", () => {
  it("carries RFC 8058 one-click headers, a Korean subject encoded for the header, the sender's name, HTML and text", async () => {
    const email = address();
    await requestSubscription({ topic: "digest", email }, visitor());
    await waitFor(async () => (await mailsTo(email)).length === 1, "the confirmation mail");
    const [{ raw, parsed }] = (await mailsTo(email)) as [{ raw: string; parsed: ParsedMail }];
    const token = await tokenOf(email);
    const headers = raw.slice(0, raw.indexOf("\r\n\r\n")).replace(/\r\n[ \t]+/g, " ");
    expect(headers).toMatch(new RegExp(`^List-Unsubscribe: <http://[^>]+/api/subscriptions/unsubscribe\\?token=${token}>$`, "m"));
    expect(headers).toMatch(/^List-Unsubscribe-Post: List-Unsubscribe=One-Click$/m);
    // Every header line is ASCII: the Korean subject and sender name are RFC 2047 encoded words.
    expect(/^[\x20-\x7e\t ]*$/.test(headers.replace(/\r\n/g, ""))).toBe(true);
    expect(headers).toMatch(/^Subject: =\?UTF-8\?[BQ]\?/m);
    expect(parsed.subject).toBe("[누리일보] 아침 뉴스레터 신청을 확인해 주세요");
    expect(parsed.from?.value[0]).toEqual({ name: "누리일보", address: "newsletter@nuri-ilbo.test" });
    expect(raw).toMatch(/Content-Type: multipart\/alternative/);
    expect(parsed.text).toContain("구독 확인");
    expect(parsed.text).toContain(`/subscriptions/unsubscribe?token=${token}`);
    expect(parsed.html).toContain('<html lang="ko">');
    expect(parsed.html).toContain(`/subscriptions/unsubscribe?token=${token}`);
  });

  it("unsubscribes with the one POST a mail client sends (no cookie, no Origin) and deletes the address", async () => {
    const email = address();
    await requestSubscription({ topic: "digest", email }, visitor());
    const token = await tokenOf(email);
    await confirmSubscription(token);
    const request = new Request(`http://localhost:3000/api/subscriptions/unsubscribe?token=${token}`, {
      method: "POST",
      headers: { "content-type": "application/x-www-form-urlencoded" },
      body: "List-Unsubscribe=One-Click",
    });
    const response = await oneClickUnsubscribe(request);
    expect(response.status).toBe(200);
    expect(await db.readerSubscription.count({ where: { email } })).toBe(0);
    // A second POST (mail clients retry) answers the same.
    expect((await oneClickUnsubscribe(new Request(request.url, { method: "POST", body: "List-Unsubscribe=One-Click", headers: { "content-type": "application/x-www-form-urlencoded" } }))).status).toBe(200);
  });

  it("loses no mail while the mail server refuses it: the queue retries until it is accepted", async () => {
    const email = address();
    smtp.refuse(true);
    await requestSubscription({ topic: "digest", email }, visitor());
    await waitFor(() => smtp.refusedCount() >= 1, "the refused attempt");
    smtp.refuse(false);
    // graphile-worker waits exp(1) = 2.7 s before the second attempt.
    await waitFor(async () => (await mailsTo(email)).length === 1, "the retried mail", 45_000);
    await queueDrained();
    expect(await mailsTo(email)).toHaveLength(1);
  });
});

describe("public surfaces: only stories readers may see", () => {
  let planted: PlantedStories;
  beforeAll(async () => {
    planted = await plantStories(db);
  });

  it("a follower gets mails for the planted reporter's public stories only, without the pending update's text", async () => {
    const email = address();
    const { reporterNumber } = await db.user.findUniqueOrThrow({ where: { id: planted.authorId } });
    await requestSubscription({ topic: "reporter", reporterNumber, email }, visitor());
    await confirmSubscription(await tokenOf(email));
    await queueDrained();
    await db.$transaction(async (tx) => {
      for (const articleId of Object.values(planted.ids)) await enqueueJob(tx, "reader-mail.story", { articleId });
    });
    await queueDrained();
    const mails = (await mailsTo(email)).filter((mail) => !mail.parsed.subject?.includes("확인해 주세요"));
    // The control and the published story with a pending update.
    expect(mails).toHaveLength(2);
    for (const mail of mails) {
      expectNoPlantedStory(planted, `${mail.parsed.subject}\n${mail.parsed.html}\n${mail.parsed.text}`, "a follower's mail");
    }
    expect(mails.some((mail) => String(mail.parsed.html).includes(planted.publishedMarker))).toBe(true);
  });

  it("a follower's mail queued before the desk pulled its story (or for a story not public) is not sent", async () => {
    const email = address();
    const { reporterNumber } = await db.user.findUniqueOrThrow({ where: { id: planted.authorId } });
    await requestSubscription({ topic: "reporter", reporterNumber, email }, visitor());
    const token = await tokenOf(email);
    await confirmSubscription(token);
    await queueDrained();
    const { id: subscriptionId } = await db.readerSubscription.findUniqueOrThrow({ where: { token } });
    // Each planted story's per-reader job, as if queued while it was public.
    await db.$transaction(async (tx) => {
      for (const articleId of Object.values(planted.ids)) await enqueueJob(tx, "reader-mail.story-to", { articleId, subscriptionId });
    });
    await queueDrained();
    const mails = (await mailsTo(email)).filter((mail) => !mail.parsed.subject?.includes("확인해 주세요"));
    expect(mails).toHaveLength(2);
    for (const mail of mails) expectNoPlantedStory(planted, `${mail.parsed.subject}\n${mail.parsed.html}\n${mail.parsed.text}`, "a follower's mail");
  });

  it("the morning digest carries the previous day's most read public stories, none of the planted private ones", async () => {
    const email = address();
    await requestSubscription({ topic: "digest", email }, visitor());
    await confirmSubscription(await tokenOf(email));
    await queueDrained();
    // Yesterday (KST), every planted story read more than anything else in this database.
    // Noon of the previous KST day, whatever the hour now (between 00:00 and 09:00 KST the UTC
    // date is still the previous day's).
    const yesterdayNoon = new Date(startOfKstDay(new Date()).getTime() - 12 * 3_600_000);
    await db.articleView.createMany({ data: Object.values(planted.ids).map((articleId) => ({ articleId, hour: yesterdayNoon, count: 100_000 })), skipDuplicates: true });
    await db.$transaction(async (tx) => enqueueJob(tx, "reader-mail.digest", {}));
    const isDigest = (mail: { parsed: ParsedMail }) => /아침 뉴스$/.test(mail.parsed.subject ?? "");
    await waitFor(async () => (await mailsTo(email)).some(isDigest), "the digest");
    const digest = (await mailsTo(email)).find(isDigest)!;
    expectNoPlantedStory(planted, `${digest.parsed.html}\n${digest.parsed.text}`, "the digest");
    expect(String(digest.parsed.html)).toContain(planted.publishedMarker);
    expect(digest.raw).toMatch(/^List-Unsubscribe-Post: List-Unsubscribe=One-Click\r$/m);
    // Tomorrow's digest is on the queue already.
    const next = await db.$queryRawUnsafe<{ run_at: Date }[]>("SELECT run_at FROM graphile_worker._private_jobs WHERE key = 'reader-mail.digest'");
    expect(next).toHaveLength(1);
    expect(next[0]!.run_at.getTime()).toBeGreaterThan(Date.now());
  });
});
