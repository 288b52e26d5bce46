// Readers' Web Push end to end on a real PostgreSQL, the real job queue and a push service's
// stand-in on loopback (tests/support/push-service.ts) that checks each push's VAPID JWT and
// decrypts its payload with the subscription's keys, as a browser would: nothing is pushed
// unless the desk chose the topic with the approval; one push per story and topic, one
// notification per browser and story; a scheduled story pushes at its time; a browser the push
// service says is gone (404/410) is deleted; the per-topic limit refuses the approval in Korean;
// no notification for a story readers may not see (the planted stories).
import { randomBytes, randomUUID } from "node:crypto";
import webpush from "web-push";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { articlePath } from "@/lib/articles/public/article-url";
import { saveArticle } from "@/lib/articles/editor/edit-article";
import { approveArticle, submitArticle } from "@/lib/articles/workflow/transitions";
import type { StaffUser } from "@/lib/auth/staff-user";
import type { CommentVisitor } from "@/lib/comments/comment-source";
import { resetServerEnv } from "@/lib/config/env";
import { db } from "@/lib/db";
import { enqueueJob } from "@/lib/jobs/enqueue-job";
import { startJobRunner, type RunningJobRunner } from "@/lib/jobs/job-runner";
import { jobTasksOfThisInstance } from "@/lib/jobs/job-tasks";
import type { PushJobPayloads } from "@/lib/push/push-queue";
import { moveToNewSubscription, subscribeToPush, unsubscribeFromPush } from "@/lib/push/push-subscriptions";
import { followersOf, pushTasks } from "@/lib/push/push-tasks";
import { PUSHES_PER_TOPIC_PER_HOUR, reporterTopic, sectionTopic, type PushTopic } from "@/lib/push/push-topics";
import { storyPushChoices } from "@/lib/push/story-push";
import { expectNoPlantedStory, plantStories } from "../support/planted-stories";
import { startPushService, type BrowserSubscription, type PushService } from "../support/push-service";
import { createStaff } from "../support/staff-fixtures";
import { submittableBody, submittableDraft } from "../support/story-fixtures";

let service: PushService;
let runner: RunningJobRunner;
let editor: StaffUser;
let reporter: StaffUser;
const vapid = webpush.generateVAPIDKeys();

const quiet = { debug: () => undefined, warn: () => undefined, error: () => undefined };
const visitor = (): CommentVisitor => ({ source: `src-${randomUUID()}`, widerSource: `net-${randomUUID()}` });
const unique = () => randomUUID().slice(0, 6);
const randomBytesBase64url = () => randomBytes(16).toString("base64url");

async function waitFor(condition: () => boolean | Promise<boolean>, what: string, timeoutMs = 30_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await condition())) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 25));
  }
}

/** No push job is due: every notification that will be sent now has been. */
const queueDrained = () =>
  waitFor(async () => {
    const rows = await db.$queryRawUnsafe<{ count: bigint }[]>("SELECT count(*) AS count FROM graphile_worker._private_jobs WHERE task_id IN (SELECT id FROM graphile_worker._private_tasks WHERE identifier LIKE 'web-push.%') AND run_at <= now() + interval '1 minute' AND attempts < max_attempts");
    return Number(rows[0]?.count ?? 0) === 0;
  }, "the push jobs to run");

const pushesTo = (browser: BrowserSubscription) => service.received.filter((push) => push.endpoint === browser.endpoint);

async function browserFor(topics: PushTopic[]): Promise<BrowserSubscription> {
  const browser = service.subscribe();
  await subscribeToPush({ subscription: browser, topics }, visitor());
  return browser;
}

async function freshSection(): Promise<number> {
  const tag = unique();
  return (await db.section.create({ data: { slug: `push-${tag}`, name: `알림섹션${tag}` } })).id;
}

async function reporterNumberOf(user: StaffUser): Promise<number> {
  return (await db.user.findUniqueOrThrow({ where: { id: user.id } })).reporterNumber;
}

/** A story through the desk; `approval` adds to the approval's input (push topics, a time). */
async function approveStory(author: StaffUser, fields: { headline: string; sectionId?: number }, approval: Record<string, unknown> = {}): Promise<number> {
  const draft = await submittableDraft(author, fields);
  await submitArticle(author, draft.id);
  const { version } = await db.article.findUniqueOrThrow({ where: { id: draft.id } });
  await approveArticle(editor, draft.id, { version, ...approval });
  return draft.id;
}

beforeAll(async () => {
  Object.assign(process.env, { VAPID_PUBLIC_KEY: vapid.publicKey, VAPID_PRIVATE_KEY: vapid.privateKey, VAPID_SUBJECT: "mailto:push@nuri-ilbo.test", WEB_PUSH_ALLOW_PRIVATE_ADDRESSES: "1" });
  resetServerEnv();
  service = await startPushService();
  runner = await startJobRunner<PushJobPayloads>({ connectionString: process.env.DATABASE_URL ?? "", tasks: pushTasks(), pollIntervalMs: 200, log: quiet });
  [editor, reporter] = await Promise.all([createStaff("EDITOR"), createStaff("REPORTER", { name: "한가람" })]);
  // A reporter can be followed once a story of theirs is public.
  await approveStory(reporter, { headline: "첫 기사 구청 예산 심사" });
});

afterAll(async () => {
  await runner?.stop();
  await service?.close();
  for (const key of ["VAPID_PUBLIC_KEY", "VAPID_PRIVATE_KEY", "VAPID_SUBJECT", "WEB_PUSH_ALLOW_PRIVATE_ADDRESSES"]) delete process.env[key];
  resetServerEnv();
});

describe("the push service's stand-in checks what a real one checks", () => {
  it("refuses a JWT for another audience, one signed by another key, and a payload for other keys", async () => {
    const browser = service.subscribe();
    const details = { vapidDetails: { subject: "mailto:push@nuri-ilbo.test", publicKey: vapid.publicKey, privateKey: vapid.privateKey } };
    const send = async (request: { endpoint: string; headers: Record<string, string>; body: Buffer | null }) =>
      (await fetch(request.endpoint, { method: "POST", headers: request.headers, body: request.body ? new Uint8Array(request.body) : null })).status;
    const good = webpush.generateRequestDetails(browser, "{}", details);
    expect(await send({ ...good, headers: good.headers as Record<string, string> })).toBe(201);

    const other = webpush.generateVAPIDKeys();
    const wrongAudience = webpush.getVapidHeaders("https://push.example.com", "mailto:push@nuri-ilbo.test", vapid.publicKey, vapid.privateKey, "aes128gcm");
    expect(await send({ ...good, headers: { ...(good.headers as Record<string, string>), Authorization: wrongAudience.Authorization } })).toBe(401);
    const forged = String(good.headers.Authorization).replace(/k=.*$/, `k=${other.publicKey}`);
    expect(await send({ ...good, headers: { ...(good.headers as Record<string, string>), Authorization: forged } })).toBe(401);
    const forAnother = webpush.generateRequestDetails({ ...browser, keys: service.subscribe().keys }, "{}", details);
    expect(await send({ endpoint: browser.endpoint, headers: forAnother.headers as Record<string, string>, body: forAnother.body })).toBe(400);
    expect(service.refused.map((entry) => entry.reason)).toEqual([expect.stringContaining("aud"), "bad signature", expect.stringContaining("cannot decrypt")]);
    service.refused.length = 0;
  });
});

describe("the desk's push", () => {
  it("pushes a story to the topic the desk chose, signed and encrypted for each browser, and to no one else", async () => {
    const breaking = await browserFor(["breaking"]);
    const sectionId = await freshSection();
    const sectionOnly = await browserFor([sectionTopic(sectionId)]);
    const headline = `속보 시험 ${unique()} 도심 정전`;
    const id = await approveStory(reporter, { headline, sectionId }, { breaking: true, pushTopics: ["breaking"] });
    await waitFor(() => pushesTo(breaking).length === 1, "the breaking push");
    await queueDrained();
    expect(pushesTo(sectionOnly)).toHaveLength(0);
    const [push] = pushesTo(breaking);
    const { slug } = await db.article.findUniqueOrThrow({ where: { id } });
    // The story's own path: the service worker opens it on this site only.
    expect(push!.payload).toMatchObject({ title: `[속보] ${headline}`, url: articlePath({ id, slug }), icon: "/publisher-logo.png", tag: `story-${id}` });
    expect(push!.claims).toMatchObject({ aud: service.origin, sub: "mailto:push@nuri-ilbo.test" });
    expect(push!.headers.urgency).toBe("high");
    expect(service.refused).toEqual([]);
    const row = await db.pushSubscription.findUniqueOrThrow({ where: { endpoint: breaking.endpoint } });
    expect(row.lastSuccessAt).not.toBeNull();
    expect(await db.pushStoryTopic.findUniqueOrThrow({ where: { articleId_topic: { articleId: id, topic: "breaking" } } })).toMatchObject({ recipients: expect.any(Number), sentAt: expect.any(Date) });
  });

  it("pushes nothing automatically: an approval without a topic reaches no browser of its section or reporter", async () => {
    const author = await createStaff("REPORTER");
    await approveStory(author, { headline: "기자 첫 기사" });
    const sectionId = await freshSection();
    const browser = await browserFor([sectionTopic(sectionId), reporterTopic(await reporterNumberOf(author))]);
    await approveStory(author, { headline: `알림 없는 기사 ${unique()}`, sectionId });
    await queueDrained();
    expect(pushesTo(browser)).toHaveLength(0);
  });

  it("pushes once per story and topic (an update approved with the topic again, the job queued again) and once per browser", async () => {
    const author = await createStaff("REPORTER");
    await approveStory(author, { headline: "기자 첫 기사" });
    const sectionId = await freshSection();
    const reporterTopicOf = reporterTopic(await reporterNumberOf(author));
    const both = await browserFor([sectionTopic(sectionId), reporterTopicOf]);
    const id = await approveStory(author, { headline: `한 번만 ${unique()}`, sectionId }, { pushTopics: [sectionTopic(sectionId), reporterTopicOf] });
    await waitFor(() => pushesTo(both).length === 1, "the push");
    await queueDrained();

    // The desk approves an update and ticks the section again; the job is even queued again by hand.
    const { version } = await db.article.findUniqueOrThrow({ where: { id } });
    const saved = await saveArticle(editor, id, { version, body: submittableBody("2보: 추가 내용") });
    await approveArticle(editor, id, { version: saved.version, pushTopics: [sectionTopic(sectionId)] });
    await db.$transaction((tx) => enqueueJob(tx, "web-push.story", { articleId: id, topic: sectionTopic(sectionId) }));
    await queueDrained();
    expect(pushesTo(both)).toHaveLength(1);
    expect(await db.pushDelivery.count({ where: { articleId: id } })).toBe(1);
    const choices = await storyPushChoices(editor, id);
    expect(choices.find((choice) => choice.topic === sectionTopic(sectionId))?.sentAt).toBeInstanceOf(Date);
  });

  it("pushes a scheduled story when it goes live, not before", async () => {
    const sectionId = await freshSection();
    const browser = await browserFor([sectionTopic(sectionId)]);
    const publishAt = new Date(Date.now() + 3_000);
    const id = await approveStory(reporter, { headline: `예약 기사 ${unique()}`, sectionId }, { publishAt: publishAt.toISOString(), pushTopics: [sectionTopic(sectionId)] });
    expect((await db.article.findUniqueOrThrow({ where: { id } })).status).toBe("SCHEDULED");
    await waitFor(() => pushesTo(browser).length === 1, "the scheduled story's push");
    expect(pushesTo(browser)[0]!.at.getTime()).toBeGreaterThanOrEqual(publishAt.getTime());
  });

  it("deletes a browser the push service says is gone (410, 404) and keeps one that is busy (503) for a retry", async () => {
    const sectionId = await freshSection();
    const [gone, missing, busy] = await Promise.all([browserFor([sectionTopic(sectionId)]), browserFor([sectionTopic(sectionId)]), browserFor([sectionTopic(sectionId)])]);
    service.answer(gone.endpoint, 410);
    service.answer(missing.endpoint, 404);
    service.answer(busy.endpoint, 503);
    await approveStory(reporter, { headline: `만료 시험 ${unique()}`, sectionId }, { pushTopics: [sectionTopic(sectionId)] });
    await waitFor(async () => (await db.pushSubscription.count({ where: { endpoint: { in: [gone.endpoint, missing.endpoint] } } })) === 0, "the gone browsers to be deleted");
    await waitFor(async () => (await db.pushSubscription.findUniqueOrThrow({ where: { endpoint: busy.endpoint } })).failures >= 1, "the busy browser's failure");
    // The service is back: the queue's retry delivers it (graphile-worker waits exp(1) = 2.7 s).
    service.answer(busy.endpoint, 201);
    await waitFor(() => pushesTo(busy).length === 1, "the retried push", 45_000);
    await waitFor(async () => (await db.pushSubscription.findUniqueOrThrow({ where: { endpoint: busy.endpoint } })).failures === 0, "the busy browser's failures forgotten after the success");
  });

  it(`refuses a topic's push number ${PUSHES_PER_TOPIC_PER_HOUR + 1} within the hour, in Korean, and leaves the story at the desk`, async () => {
    const author = await createStaff("REPORTER", { name: "서다온" });
    await approveStory(author, { headline: "기자 첫 기사" });
    const topic = reporterTopic(await reporterNumberOf(author));
    for (let i = 0; i < PUSHES_PER_TOPIC_PER_HOUR; i++) await approveStory(author, { headline: `한도 안 ${i} ${unique()}` }, { pushTopics: [topic] });
    const draft = await submittableDraft(author, { headline: `한도 넘음 ${unique()}` });
    await submitArticle(author, draft.id);
    const { version } = await db.article.findUniqueOrThrow({ where: { id: draft.id } });
    await expect(approveArticle(editor, draft.id, { version, pushTopics: [topic] })).rejects.toMatchObject({
      code: "VALIDATION",
      message: expect.stringMatching(new RegExp(`'서다온 기자' 알림은 한 시간에 ${PUSHES_PER_TOPIC_PER_HOUR}건까지 보낼 수 있습니다\\. \\d+분 뒤에`)),
    });
    expect((await db.article.findUniqueOrThrow({ where: { id: draft.id } })).status).toBe("SUBMITTED");
    // Without the push the same approval goes through.
    await approveArticle(editor, draft.id, { version });
    expect((await db.article.findUniqueOrThrow({ where: { id: draft.id } })).status).toBe("PUBLISHED");
  });

  it("refuses a topic that is not the story's (another section, another reporter)", async () => {
    const other = await freshSection();
    const draft = await submittableDraft(reporter, { headline: `남의 주제 ${unique()}` });
    await submitArticle(reporter, draft.id);
    const { version } = await db.article.findUniqueOrThrow({ where: { id: draft.id } });
    await expect(approveArticle(editor, draft.id, { version, pushTopics: [sectionTopic(other)] })).rejects.toMatchObject({ code: "VALIDATION", message: expect.stringContaining("보낼 수 없는 알림 주제") });
    await expect(approveArticle(editor, draft.id, { version, pushTopics: ["everyone"] })).rejects.toMatchObject({ code: "VALIDATION" });
  });
});

describe("the job runners", () => {
  it("an instance without the VAPID keys does not take the notifications' jobs, so one with the keys sends them at once", async () => {
    expect(Object.keys(jobTasksOfThisInstance())).toEqual(expect.arrayContaining(["web-push.story", "web-push.send"]));
    const keys = { VAPID_PUBLIC_KEY: process.env.VAPID_PUBLIC_KEY, VAPID_PRIVATE_KEY: process.env.VAPID_PRIVATE_KEY };
    delete process.env.VAPID_PUBLIC_KEY;
    delete process.env.VAPID_PRIVATE_KEY;
    resetServerEnv();
    try {
      const tasks = Object.keys(jobTasksOfThisInstance());
      expect(tasks).toContain("web-push.story");
      expect(tasks).not.toContain("web-push.send");
    } finally {
      Object.assign(process.env, keys);
      resetServerEnv();
    }
  });
});

describe("the fan-out", () => {
  it("finds a topic's browsers through the GIN index on topics, not by reading every subscription", async () => {
    // A test table is small enough for the planner to prefer reading it whole: sequential scans are
    // priced out so the plan shows whether the condition can use the index at all.
    const plan = await db.$transaction(async (tx) => {
      await tx.$executeRaw`SET LOCAL enable_seqscan = off`;
      return tx.$queryRaw<{ "QUERY PLAN": string }[]>`EXPLAIN SELECT "id" FROM "PushSubscription" WHERE ${followersOf("breaking")}`;
    });
    expect(plan.map((row) => row["QUERY PLAN"]).join("\n")).toMatch(/Bitmap Index Scan on "PushSubscription_topics_idx"/);
  });
});

describe("readers' subscriptions", () => {
  it("replaces a browser's topics when it sends them again, and deletes it on unsubscribe", async () => {
    const sectionId = await freshSection();
    const browser = await browserFor(["breaking"]);
    await subscribeToPush({ subscription: browser, topics: ["breaking", sectionTopic(sectionId)] }, visitor());
    expect((await db.pushSubscription.findUniqueOrThrow({ where: { endpoint: browser.endpoint } })).topics).toEqual(["breaking", sectionTopic(sectionId)]);
    expect(await db.pushSubscription.count({ where: { endpoint: browser.endpoint } })).toBe(1);
    await unsubscribeFromPush({ endpoint: browser.endpoint });
    expect(await db.pushSubscription.count({ where: { endpoint: browser.endpoint } })).toBe(0);
    await expect(unsubscribeFromPush({ endpoint: browser.endpoint })).resolves.toMatchObject({ message: expect.stringContaining("껐습니다") });
  });

  it("refuses bad keys, no topic, an unknown section or a staff account without a public page, and a private endpoint unless allowed", async () => {
    const browser = service.subscribe();
    await expect(subscribeToPush({ subscription: { ...browser, keys: { ...browser.keys, p256dh: "AAAA" } }, topics: ["breaking"] }, visitor())).rejects.toMatchObject({ code: "VALIDATION", message: expect.stringContaining("알림 키") });
    await expect(subscribeToPush({ subscription: browser, topics: [] }, visitor())).rejects.toMatchObject({ code: "VALIDATION", message: expect.stringContaining("하나 이상") });
    await expect(subscribeToPush({ subscription: browser, topics: ["section:999999"] }, visitor())).rejects.toMatchObject({ code: "NOT_FOUND" });
    const staffOnly = await createStaff("REPORTER");
    await expect(subscribeToPush({ subscription: browser, topics: [reporterTopic(await reporterNumberOf(staffOnly))] }, visitor())).rejects.toMatchObject({ code: "NOT_FOUND" });
    process.env.WEB_PUSH_ALLOW_PRIVATE_ADDRESSES = "0";
    resetServerEnv();
    try {
      await expect(subscribeToPush({ subscription: browser, topics: ["breaking"] }, visitor())).rejects.toMatchObject({ code: "VALIDATION", message: expect.stringContaining("알림 주소") });
      await expect(subscribeToPush({ subscription: { ...browser, endpoint: "http://push.example.com/x" }, topics: ["breaking"] }, visitor())).rejects.toMatchObject({ code: "VALIDATION" });
    } finally {
      process.env.WEB_PUSH_ALLOW_PRIVATE_ADDRESSES = "1";
      resetServerEnv();
    }
    expect(await db.pushSubscription.count({ where: { endpoint: browser.endpoint } })).toBe(0);
  });

  it("limits sign-ups per source, with a Korean message and a time to come back", async () => {
    const source = visitor();
    const attempt = () => subscribeToPush({ subscription: service.subscribe(), topics: ["breaking"] }, source);
    for (let i = 0; i < 20; i++) await attempt();
    await expect(attempt()).rejects.toMatchObject({ code: "LOCKED", message: expect.stringContaining("분 뒤에"), details: { retryAfterSeconds: expect.any(Number) } });
  });
});

describe("a subscription its push service replaced (pushsubscriptionchange)", () => {
  const previousOf = (browser: BrowserSubscription) => ({ endpoint: browser.endpoint, auth: browser.keys.auth });

  it("moves the old subscription's topics to the new one when the caller sends the old auth secret; a story pushed before is not pushed again", async () => {
    const sectionId = await freshSection();
    const old = await browserFor(["breaking", sectionTopic(sectionId)]);
    const id = await approveStory(reporter, { headline: `교체 전 ${unique()}`, sectionId }, { pushTopics: [sectionTopic(sectionId)] });
    await waitFor(() => pushesTo(old).length === 1, "the push to the old subscription");
    const { id: rowId } = await db.pushSubscription.findUniqueOrThrow({ where: { endpoint: old.endpoint } });

    const rotated = service.subscribe();
    await expect(moveToNewSubscription({ previous: previousOf(old), subscription: rotated }, visitor())).resolves.toMatchObject({ topics: ["breaking", sectionTopic(sectionId)] });
    expect(await db.pushSubscription.count({ where: { endpoint: old.endpoint } })).toBe(0);
    expect(await db.pushSubscription.findUniqueOrThrow({ where: { endpoint: rotated.endpoint } })).toMatchObject({ id: rowId, topics: ["breaking", sectionTopic(sectionId)], p256dh: rotated.keys.p256dh, auth: rotated.keys.auth });

    // The story pushed before goes out to 속보 too: the browser had it, so it does not come again.
    const { version } = await db.article.findUniqueOrThrow({ where: { id } });
    const saved = await saveArticle(editor, id, { version, body: submittableBody("2보: 교체 뒤 추가 내용") });
    await approveArticle(editor, id, { version: saved.version, pushTopics: ["breaking"] });
    // The next story reaches the new subscription, decrypted with its keys.
    await approveStory(reporter, { headline: `교체 뒤 ${unique()}`, sectionId }, { pushTopics: [sectionTopic(sectionId)] });
    await waitFor(() => pushesTo(rotated).length >= 1, "the push to the new subscription");
    await queueDrained();
    expect((await db.pushStoryTopic.findUniqueOrThrow({ where: { articleId_topic: { articleId: id, topic: "breaking" } } })).sentAt).toBeInstanceOf(Date);
    expect(pushesTo(rotated).map((push) => push.payload.title)).toEqual([expect.stringContaining("교체 뒤")]);
    expect(pushesTo(old)).toHaveLength(1);
  });

  it("moves nothing without the old auth secret: a wrong secret, another subscription's secret or an unknown endpoint all get the same 404", async () => {
    const old = await browserFor(["breaking"]);
    const other = await browserFor(["breaking"]);
    const attempts = [
      { endpoint: old.endpoint, auth: service.subscribe().keys.auth },
      { endpoint: old.endpoint, auth: other.keys.auth },
      { endpoint: `${service.origin}/push/never-subscribed`, auth: old.keys.auth },
    ];
    for (const previous of attempts) {
      const rotated = service.subscribe();
      await expect(moveToNewSubscription({ previous, subscription: rotated }, visitor())).rejects.toMatchObject({ code: "NOT_FOUND", message: "이전 알림 구독을 찾을 수 없습니다. 알림 받기를 다시 눌러 주세요." });
      expect(await db.pushSubscription.count({ where: { endpoint: rotated.endpoint } })).toBe(0);
    }
    expect(await db.pushSubscription.findUniqueOrThrow({ where: { endpoint: old.endpoint } })).toMatchObject({ topics: ["breaking"], auth: old.keys.auth });
    await expect(moveToNewSubscription({ previous: { endpoint: old.endpoint }, subscription: service.subscribe() }, visitor())).rejects.toMatchObject({ code: "VALIDATION" });
    await expect(moveToNewSubscription({ previous: previousOf(old), subscription: { endpoint: "x" } }, visitor())).rejects.toMatchObject({ code: "VALIDATION" });
  });

  it("joins the topics when the new subscription was already sent by the page", async () => {
    const sectionId = await freshSection();
    const old = await browserFor([sectionTopic(sectionId)]);
    const rotated = await browserFor(["breaking"]);
    await expect(moveToNewSubscription({ previous: previousOf(old), subscription: rotated }, visitor())).resolves.toMatchObject({ topics: ["breaking", sectionTopic(sectionId)] });
    expect(await db.pushSubscription.count({ where: { endpoint: { in: [old.endpoint, rotated.endpoint] } } })).toBe(1);
    expect((await db.pushSubscription.findUniqueOrThrow({ where: { endpoint: rotated.endpoint } })).topics).toEqual(["breaking", sectionTopic(sectionId)]);
  });

  it("is limited per source like a sign-up, proof or not, and refuses a private new endpoint unless allowed", async () => {
    const source = visitor();
    for (let i = 0; i < 20; i++) {
      await expect(moveToNewSubscription({ previous: { endpoint: `${service.origin}/push/guess-${i}`, auth: randomBytesBase64url() }, subscription: service.subscribe() }, source)).rejects.toMatchObject({ code: "NOT_FOUND" });
    }
    const old = await browserFor(["breaking"]);
    await expect(moveToNewSubscription({ previous: previousOf(old), subscription: service.subscribe() }, source)).rejects.toMatchObject({ code: "LOCKED", message: expect.stringContaining("분 뒤에") });
    process.env.WEB_PUSH_ALLOW_PRIVATE_ADDRESSES = "0";
    resetServerEnv();
    try {
      await expect(moveToNewSubscription({ previous: previousOf(old), subscription: service.subscribe() }, visitor())).rejects.toMatchObject({ code: "VALIDATION", message: expect.stringContaining("알림 주소") });
    } finally {
      process.env.WEB_PUSH_ALLOW_PRIVATE_ADDRESSES = "1";
      resetServerEnv();
    }
    expect((await db.pushSubscription.findUniqueOrThrow({ where: { endpoint: old.endpoint } })).topics).toEqual(["breaking"]);
  });
});

describe("public surfaces: only stories readers may see", () => {
  it("sends no notification for a draft, submitted, scheduled, unpublished or blocked story, and no unapproved text", async () => {
    const planted = await plantStories(db);
    const browser = await browserFor([sectionTopic(planted.sectionId)]);
    const topic = sectionTopic(planted.sectionId);
    await db.$transaction(async (tx) => {
      for (const articleId of Object.values(planted.ids)) {
        await tx.pushStoryTopic.create({ data: { articleId, topic, requestedById: editor.id } });
        await enqueueJob(tx, "web-push.story", { articleId, topic });
      }
    });
    await queueDrained();
    const pushes = pushesTo(browser);
    // The control and the published story with a pending update.
    expect(pushes).toHaveLength(2);
    for (const push of pushes) expectNoPlantedStory(planted, JSON.stringify(push.payload), "a notification");
    expect(pushes.some((push) => String(push.payload.title).includes(planted.publishedMarker))).toBe(true);
  });
});
