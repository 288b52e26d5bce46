// Portal transmission (lib/portal/) end to end on a real PostgreSQL, with the real job runner and
// a receiving server on loopback (tests/support/portal-receiver.ts) that verifies signatures,
// takes each idempotency key once and can fail, time out, drop the connection or answer 409 and
// 500. What the desk does goes through the workflow, so the transmissions come from its events.
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { parseFeed } from "feedsmith";
import { saveArticle } from "@/lib/articles/editor/edit-article";
import { approveArticle, submitArticle, unpublishArticle, republishArticle } from "@/lib/articles/workflow/transitions";
import { applyTakedown } from "@/lib/takedowns/apply-takedown";
import { restoreTakedown } from "@/lib/takedowns/end-takedown";
import type { StaffUser } from "@/lib/auth/staff-user";
import { resetServerEnv, siteBaseUrl } from "@/lib/config/env";
import { slugFor } from "@/lib/articles/public/slug";
import { db } from "@/lib/db";
import { startJobRunner, type RunningJobRunner } from "@/lib/jobs/job-runner";
import type { DeliverySettings } from "@/lib/portal/delivery";
import { resendTransmission, sendStoryToDestination } from "@/lib/portal/desk-actions";
import { listDestinationsForAdmin, saveDestination } from "@/lib/portal/destinations";
import { planLiveRevision } from "@/lib/portal/planning";
import { buildPullFeed } from "@/lib/portal/pull-feed";
import { loadTransmittedStory } from "@/lib/portal/transmitted-story";
import { ninjsForStory } from "@/lib/portal/ninjs";
import { portalTasks } from "@/lib/portal/portal-tasks";
import { enqueueSweep, type PortalJobPayloads } from "@/lib/portal/portal-queue";
import { plantStories, privateStoryIds } from "../support/planted-stories";
import { startPortalReceiver, type PortalReceiver } from "../support/portal-receiver";
import { createStaff } from "../support/staff-fixtures";
import { paragraphBody, submittableBody, submittableDraft, testSectionId } from "../support/story-fixtures";

const PUSH_SECRET = "push-secret-for-tests-0123456789abcdef";
const settings: DeliverySettings = { maxAttempts: 3, retryBaseMs: 200, timeoutMs: 1_000, allowPrivate: true };
const quiet = { debug: () => undefined, warn: () => undefined, error: () => undefined };

let receiver: PortalReceiver;
let reporter: StaffUser;
let editor: StaffUser;
let admin: StaffUser;
let push: number;
let pull: number;
let pullToken: string;
let indexNow: number;
const runners: RunningJobRunner[] = [];

async function startRunner(): Promise<RunningJobRunner> {
  const runner = await startJobRunner<PortalJobPayloads>({ connectionString: process.env.DATABASE_URL ?? "", tasks: portalTasks(db, () => settings), concurrency: 4, pollIntervalMs: 200, log: quiet });
  runners.push(runner);
  return runner;
}

async function waitFor(condition: () => boolean | Promise<boolean>, what: string, timeoutMs = 30_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await condition())) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

const uriOf = (articleId: number) => `${siteBaseUrl()}/articles/${articleId}`;
const acceptedFor = (articleId: number) => receiver.accepted.filter((push) => push.body.uri === uriOf(articleId));
const rowsFor = (articleId: number, destinationId = push) => db.portalTransmission.findMany({ where: { articleId, destinationId }, orderBy: { id: "asc" } });

/** A story written, submitted and published through the workflow. */
async function publishStory(lead: string, fields: Record<string, unknown> = {}): Promise<number> {
  const draft = await submittableDraft(reporter, { headline: `${lead} 고양시 예산안 심사`, lead, ...fields });
  await db.article.update({ where: { id: draft.id }, data: { origin: "WIRE", originSource: "연합뉴스" } });
  await submitArticle(reporter, draft.id);
  const { version } = await db.article.findUniqueOrThrow({ where: { id: draft.id }, select: { version: true } });
  await approveArticle(editor, draft.id, { version });
  return draft.id;
}

/** The desk edits a published story and approves the change as 정정 (or 수정 with no note). */
async function correctStory(id: number, change: { headline?: string; lead?: string; wholeBody?: string }, note: string | null): Promise<void> {
  const before = await db.article.findUniqueOrThrow({ where: { id }, select: { version: true } });
  const body = change.wholeBody ? paragraphBody(change.wholeBody) : change.lead ? submittableBody(change.lead) : undefined;
  const saved = await saveArticle(editor, id, { version: before.version, ...(change.headline ? { headline: change.headline } : {}), ...(body ? { body } : {}) });
  await approveArticle(editor, id, { version: saved.version, ...(note ? { correctionType: "CORRECTION", correctionNote: note } : {}) });
}

beforeAll(async () => {
  process.env.PORTAL_ALLOW_PRIVATE_ADDRESSES = "1";
  resetServerEnv();
  receiver = await startPortalReceiver(() => PUSH_SECRET);
  [reporter, editor, admin] = await Promise.all([createStaff("REPORTER"), createStaff("EDITOR"), createStaff("ADMIN")]);
  const categories = [{ sectionId: await testSectionId(), category: "사회" }];
  push = (await saveDestination(admin, null, { name: "시험 포털 (푸시)", kind: "PUSH", endpoint: receiver.url, secret: PUSH_SECRET, categories, ratePerMinute: 600 })).id;
  const pulled = await saveDestination(admin, null, { name: "시험 포털 (피드)", kind: "PULL", feedFormat: "ATOM", categories });
  pull = pulled.id;
  pullToken = decodeURIComponent(pulled.shownOnce.feedUrl?.split("/").at(-1) ?? "");
  indexNow = (await saveDestination(admin, null, { name: "시험 검색엔진", kind: "INDEXNOW", endpoint: `${receiver.url}/indexnow`, secret: "indexnow-key-0123456789abcdef012345", categories })).id;
});

afterEach(async () => {
  await Promise.all(runners.splice(0).map((runner) => runner.stop()));
  receiver.failAlways(null);
});

afterAll(async () => {
  await receiver?.close();
  delete process.env.PORTAL_ALLOW_PRIVATE_ADDRESSES;
  resetServerEnv();
});

describe("publish, correct, unpublish", () => {
  it("sends new, update with the note, and delete under the same id, signed, in order, once each", async () => {
    await startRunner();
    const id = await publishStory("송고첫");
    await waitFor(() => acceptedFor(id).length === 1, "the new story");
    await correctStory(id, { lead: "송고첫 정정" }, "예산 규모를 바로잡았습니다.");
    await waitFor(() => acceptedFor(id).length === 2, "the update");
    await unpublishArticle(editor, id, { reason: "중복 기사" });
    await waitFor(() => acceptedFor(id).length === 3, "the deletion");

    const [created, updated, deleted] = acceptedFor(id);
    expect([created, updated, deleted].map((push) => push!.action)).toEqual(["new", "update", "delete"]);
    expect([created, updated, deleted].every((push) => push!.signatureValid)).toBe(true);
    expect(new Set([created, updated, deleted].map((push) => push!.body.uri))).toEqual(new Set([uriOf(id)]));
    expect(created!.key).toBe(`article-${id}-rev-${String(created!.body.version)}-new`);
    expect(created!.body).toMatchObject({
      standard: { name: "ninjs", version: "2.1" },
      type: "text",
      pubstatus: "usable",
      language: "ko",
      headlines: [{ role: "main", value: expect.stringContaining("송고첫") }],
      infosources: [{ name: "연합뉴스", role: "wire", literal: "WIRE" }],
      subjects: expect.arrayContaining([{ name: "사회", rel: "category", literal: "사회" }]),
    });
    const [newRow, updateRow] = await rowsFor(id);
    expect([created!.body.version, updated!.body.version]).toEqual([String(newRow!.revisionNumber), String(updateRow!.revisionNumber)]);
    expect(updated!.body).toMatchObject({ pubstatus: "usable", descriptions: expect.arrayContaining([{ role: "correction", value: "예산 규모를 바로잡았습니다." }]) });
    expect(deleted!.body).toMatchObject({ pubstatus: "canceled", uri: uriOf(id) });
    // Nothing was sent twice: every request that reached the receiver was taken.
    expect(receiver.requests.filter((push) => push.body.uri === uriOf(id))).toHaveLength(3);

    // The same three in the pull feed (its newest state: deleted) and as three IndexNow pings.
    const feed = await buildPullFeed(pull, pullToken, "https://news.example.kr/api/portal/feeds/x/y");
    const parsed = parseFeed(feed?.body ?? "");
    expect(parsed.format).toBe("atom");
    const entry = (parsed.feed as { entries?: { id?: string; categories?: { term?: string; scheme?: string }[] }[] }).entries?.find((one) => one.id === uriOf(id));
    expect(entry?.categories).toContainEqual({ term: "delete", scheme: "urn:newsroom:portal:action" });
    const pullRows = await rowsFor(id, pull);
    expect(pullRows.map((row) => [row.action, row.status])).toEqual([["NEW", "SENT"], ["UPDATE", "SENT"], ["DELETE", "SENT"]]);
    await waitFor(async () => (await rowsFor(id, indexNow)).every((row) => row.status === "SENT") && (await rowsFor(id, indexNow)).length === 3, "the pings");
    const pings = receiver.pings.filter((ping) => JSON.stringify(ping).includes(`/articles/${id}/`));
    expect(pings).toHaveLength(3);
    const site = new URL(siteBaseUrl());
    expect(pings[0]).toEqual({ host: site.host, key: "indexnow-key-0123456789abcdef012345", keyLocation: `${site.origin}/indexnow-key-0123456789abcdef012345.txt`, urlList: [`${site.origin}/articles/${id}/${encodeURIComponent(slugFor(created!.body.headlines ? (created!.body.headlines as { value: string }[])[0]!.value : ""))}`] });
  });

  it("never sends the same revision twice, and refuses a second send by the desk in Korean", async () => {
    await startRunner();
    const id = await publishStory("두번");
    await waitFor(() => acceptedFor(id).length === 1, "the story");
    await db.$transaction((tx) => planLiveRevision(tx, id, new Date()));
    await expect(sendStoryToDestination(editor, id, push)).rejects.toThrow(/이미 이 송고처로 보냈거나/);
    expect(await rowsFor(id)).toHaveLength(1);
    const sent = (await rowsFor(id))[0]!;
    await expect(resendTransmission(editor, sent.id)).rejects.toThrow(/중복 전송/);
  });

  it("does not send a story whose section maps to none of the destination's categories", async () => {
    await startRunner();
    const other = await db.section.create({ data: { slug: `unmapped-${Date.now()}`, name: "연결안된섹션" } });
    const id = await publishStory("무카테고리", { sectionId: other.id });
    const [row] = await rowsFor(id);
    expect(row).toMatchObject({ status: "REFUSED", reason: expect.stringContaining("'연결안된섹션'") });
    expect(acceptedFor(id)).toHaveLength(0);
  });

  it("refuses a rewrite into another story as an update (엎어치기), and says to publish a new story", async () => {
    await startRunner();
    const id = await publishStory("엎어치기전");
    await waitFor(() => acceptedFor(id).length === 1, "the story");
    await correctStory(id, { headline: "주말 야시장, 다음 달 광장에서 연다", wholeBody: "푸드트럭 20대와 공방 30곳이 참여하는 주말 야시장이 다음 달부터 시청 앞 광장에서 열린다. 운영 시간은 오후 6시부터 11시까지이며, 첫 달 방문객은 5만 명으로 예상된다. ".repeat(2) }, null);
    const rows = await rowsFor(id);
    expect(rows.at(-1)).toMatchObject({ action: "UPDATE", status: "REFUSED", reason: expect.stringMatching(/엎어치기.*새 기사로/) });
  });
});

describe("wire photos (통신 사진)", () => {
  it("are left out where the destination does not allow them, and kept where it does", async () => {
    const id = await publishStory("통신사진");
    const wirePhoto = await db.media.create({ data: { storageKey: `demo/wire-${id}.jpg`, mimeType: "image/jpeg", byteSize: 1000, width: 1200, height: 800, credit: "연합뉴스", origin: "WIRE", originSource: "연합뉴스" } });
    const { liveRevisionId } = await db.article.findUniqueOrThrow({ where: { id }, select: { liveRevisionId: true } });
    await db.articleRevision.update({ where: { id: liveRevisionId ?? "" }, data: { heroImageId: wirePhoto.id, heroCredit: "연합뉴스" } });
    const context = { siteUrl: siteBaseUrl(), siteName: "누리일보", action: "NEW" as const, category: "사회", at: new Date() };

    const refused = await loadTransmittedStory(db, liveRevisionId ?? "", { allowWirePhotos: false });
    expect(refused?.photos).toEqual([]);
    expect(refused?.wirePhotosLeftOut).toBe(1);
    expect(ninjsForStory(refused!, context).associations).toEqual([]);

    const allowed = await loadTransmittedStory(db, liveRevisionId ?? "", { allowWirePhotos: true });
    expect(ninjsForStory(allowed!, context).associations).toEqual([expect.objectContaining({ name: "hero", type: "picture", infosources: [{ name: "연합뉴스", role: "wire", literal: "WIRE" }] })]);
  });
});

describe("delivery that loses nothing", () => {
  it("retries after 500s and a time-out with growing waits, and the story arrives once", async () => {
    // Published before a runner starts, so the faults are in place for its first request.
    const id = await publishStory("재시도");
    receiver.failNext(uriOf(id), { kind: "status", status: 500 }, { kind: "hang" });
    await startRunner();
    await waitFor(async () => acceptedFor(id).length === 1 && (await rowsFor(id))[0]?.status === "SENT", "the story after two failures");
    const [row] = await rowsFor(id);
    expect(row).toMatchObject({ status: "SENT", attempts: 3, responseStatus: 201 });
    expect(receiver.requests.filter((push) => push.body.uri === uriOf(id))).toHaveLength(3);
  });

  it("counts a 409 (the destination has it already) as sent", async () => {
    // Published before a runner starts, so the faults are in place for its first request.
    const id = await publishStory("끊긴응답");
    receiver.failNext(uriOf(id), { kind: "drop-after-accepting" });
    await startRunner();
    await waitFor(async () => (await rowsFor(id))[0]?.status === "SENT", "the story");
    const [row] = await rowsFor(id);
    expect(row).toMatchObject({ responseStatus: 409, reason: expect.stringContaining("409") });
    expect(acceptedFor(id)).toHaveLength(1);
  });

  it("stops after N failures (dead letter), keeps later ones behind it, and the desk's resend sends both in order", async () => {
    await startRunner();
    receiver.failAlways(500);
    const id = await publishStory("데드레터");
    await waitFor(async () => (await rowsFor(id))[0]?.status === "DEAD", "the dead letter");
    await correctStory(id, { lead: "데드레터 보강" }, null);
    const [dead, waiting] = await rowsFor(id);
    expect(dead).toMatchObject({ status: "DEAD", attempts: 3, reason: expect.stringContaining("다시 보내기") });
    expect(waiting).toMatchObject({ action: "UPDATE", status: "PENDING" });
    receiver.failAlways(null);
    await resendTransmission(editor, dead!.id);
    await waitFor(() => acceptedFor(id).length === 2, "both, after the resend");
    expect(acceptedFor(id).map((push) => push.action)).toEqual(["new", "update"]);
  });

  it("a 400 is not retried: it waits for the desk at once", async () => {
    // Published before a runner starts, so the faults are in place for its first request.
    const id = await publishStory("사백");
    receiver.failNext(uriOf(id), { kind: "status", status: 400 });
    await startRunner();
    await waitFor(async () => (await rowsFor(id))[0]?.status === "DEAD", "the refusal");
    expect((await rowsFor(id))[0]).toMatchObject({ attempts: 1, responseStatus: 400 });
  });

  it("after a restart mid-delivery (a claim left by a stopped instance, its job lost) the sweep delivers it, once", async () => {
    const id = await publishStory("재시작");
    // The instance that claimed it stopped before recording anything; its job is gone with it.
    await db.$executeRawUnsafe(`DELETE FROM graphile_worker._private_jobs WHERE payload->>'articleId' = '${id}'`);
    await db.portalTransmission.updateMany({ where: { articleId: id, destinationId: push }, data: { status: "SENDING", claimedUntil: new Date(Date.now() - 1_000) } });
    await startRunner();
    await enqueueSweep(db);
    // The receiver records the push before it answers, and the row says SENT once the answer is
    // back: waited for on the row, then counted at the receiver.
    await waitFor(async () => (await rowsFor(id))[0]?.status === "SENT", "the story after the restart");
    expect(acceptedFor(id)).toHaveLength(1);
  });

  it("two instances deliver 20 stories, each once, in order per story", async () => {
    await Promise.all([startRunner(), startRunner()]);
    const ids: number[] = [];
    for (let n = 0; n < 10; n += 1) ids.push(await publishStory(`두인스턴스${n}`));
    await Promise.all(ids.slice(0, 5).map((id, n) => correctStory(id, { lead: `두인스턴스${n} 보강` }, "수치를 고쳤습니다.")));
    await waitFor(() => ids.every((id, n) => acceptedFor(id).length === (n < 5 ? 2 : 1)), "every story");
    for (const [n, id] of ids.entries()) {
      expect(acceptedFor(id).map((push) => push.action)).toEqual(n < 5 ? ["new", "update"] : ["new"]);
      expect(receiver.requests.filter((push) => push.body.uri === uriOf(id))).toHaveLength(n < 5 ? 2 : 1);
    }
  });

  it("keeps to the destination's rate limit, shared by every instance", async () => {
    const limited = (await saveDestination(admin, null, { name: "분당 2건 포털", kind: "PUSH", endpoint: receiver.url, secret: PUSH_SECRET, categories: [{ sectionId: await testSectionId(), category: "사회" }], ratePerMinute: 2 })).id;
    await Promise.all([startRunner(), startRunner()]);
    const ids = [await publishStory("분당1"), await publishStory("분당2"), await publishStory("분당3")];
    await waitFor(async () => (await db.portalTransmission.count({ where: { destinationId: limited, status: "SENT" } })) === 2, "two within the minute");
    await waitFor(async () => (await db.portalTransmission.count({ where: { destinationId: limited, status: "PENDING", nextAttemptAt: { gt: new Date() } } })) === 1, "the third waiting");
    await db.portalDestination.update({ where: { id: limited }, data: { active: false } });
    expect(ids).toHaveLength(3);
  });
});

describe("destinations: bad input and secrets", () => {
  const base = { name: "잘못된 송고처", kind: "PUSH", categories: [] as { sectionId: number; category: string }[] };

  it("refuses, in Korean, an endpoint that is not https, a short secret, a missing section and a private address", async () => {
    await expect(saveDestination(admin, null, { ...base, endpoint: "http://portal.example.kr/in" })).rejects.toThrow(/https:\/\/여야 합니다/);
    await expect(saveDestination(admin, null, { ...base, endpoint: "https://portal.example.kr/in", secret: "short-secret" })).rejects.toThrow(/비밀 키가 너무 짧습니다/);
    await expect(saveDestination(admin, null, { ...base, endpoint: "https://portal.example.kr/in", categories: [{ sectionId: 999_999, category: "정치" }] })).rejects.toThrow(/없는 섹션/);
    process.env.PORTAL_ALLOW_PRIVATE_ADDRESSES = "0";
    resetServerEnv();
    try {
      await expect(saveDestination(admin, null, { ...base, endpoint: "https://192.168.0.20/in" })).rejects.toThrow(/내부망·사설 주소/);
      await expect(saveDestination(admin, null, { ...base, endpoint: `${receiver.url}/in` })).rejects.toThrow(/내부망·사설 주소/);
    } finally {
      process.env.PORTAL_ALLOW_PRIVATE_ADDRESSES = "1";
      resetServerEnv();
    }
    expect(await db.portalDestination.count({ where: { name: base.name } })).toBe(0);
  });

  it("refuses to connect where a name resolves to a private address, unless allowed", async () => {
    const id = await publishStory("사설주소");
    await db.portalTransmission.deleteMany({ where: { articleId: id } });
    const guarded = await saveDestination(admin, null, { name: "이름으로 내부망", kind: "PUSH", endpoint: receiver.url.replace("127.0.0.1", "localhost"), secret: PUSH_SECRET, categories: [{ sectionId: await testSectionId(), category: "사회" }] });
    await db.$transaction((tx) => planLiveRevision(tx, id, new Date(), { destinationIds: [guarded.id] }));
    await startJobRunner<PortalJobPayloads>({ connectionString: process.env.DATABASE_URL ?? "", tasks: portalTasks(db, () => ({ ...settings, allowPrivate: false, maxAttempts: 1 })), pollIntervalMs: 200, log: quiet }).then((runner) => runners.push(runner));
    await waitFor(async () => (await rowsFor(id, guarded.id))[0]?.status === "DEAD", "the refusal");
    expect((await rowsFor(id, guarded.id))[0]?.lastError).toMatch(/내부망·사설 주소/);
    expect(acceptedFor(id)).toHaveLength(0);
    await db.portalDestination.update({ where: { id: guarded.id }, data: { active: false } });
  });

  it("never shows a saved secret again", async () => {
    const listed = JSON.stringify(await listDestinationsForAdmin(admin), (_key, value: unknown) => (typeof value === "bigint" ? String(value) : value));
    expect(listed).not.toContain(PUSH_SECRET);
    expect(listed).not.toContain("secret");
    const { shownOnce } = await saveDestination(admin, push, { name: "시험 포털 (푸시)", kind: "PUSH", endpoint: receiver.url, categories: [{ sectionId: await testSectionId(), category: "사회" }], ratePerMinute: 600 });
    expect(shownOnce).toEqual({});
    // Kept: deliveries still verify with the old secret.
    expect((await db.portalDestination.findUniqueOrThrow({ where: { id: push }, select: { secret: true } })).secret).toBe(PUSH_SECRET);
  });
});

describe("stories readers cannot see", () => {
  it("are never sent, however and whenever planning runs, and the desk is told why", async () => {
    const planted = await plantStories(db);
    await db.portalCategory.create({ data: { destinationId: push, sectionId: planted.sectionId, category: "사회" } });
    await startRunner();
    for (const { id } of privateStoryIds(planted)) {
      await db.$transaction((tx) => planLiveRevision(tx, id, new Date()));
      await expect(sendStoryToDestination(editor, id, push)).rejects.toThrow(/독자에게 공개된 기사만/);
    }
    // The scheduled one's planning job, run early, sends nothing either.
    await db.$transaction(async (tx) => planLiveRevision(tx, planted.ids.scheduled, new Date()));
    await db.$transaction((tx) => planLiveRevision(tx, planted.ids.published, new Date()));
    await waitFor(() => acceptedFor(planted.ids.published).length === 1, "the public control story");
    for (const { id, kind } of privateStoryIds(planted)) {
      expect(await db.portalTransmission.count({ where: { articleId: id } }), kind).toBe(0);
      expect(acceptedFor(id), kind).toHaveLength(0);
    }
    const feed = await buildPullFeed(pull, pullToken, "https://news.example.kr/api/portal/feeds/x/y");
    for (const marker of Object.values(planted.markers)) expect(feed?.body).not.toContain(marker);
  });

  it("a scheduled story goes when its time comes, not before", async () => {
    await startRunner();
    const draft = await submittableDraft(reporter, { headline: "예약 송고 시험" });
    await submitArticle(reporter, draft.id);
    const { version } = await db.article.findUniqueOrThrow({ where: { id: draft.id }, select: { version: true } });
    const publishAt = new Date(Date.now() + 3_000);
    await approveArticle(editor, draft.id, { version, publishAt: publishAt.toISOString() });
    expect(await rowsFor(draft.id)).toHaveLength(0);
    await waitFor(() => acceptedFor(draft.id).length === 1, "the scheduled story at its time");
    expect(Date.now()).toBeGreaterThanOrEqual(publishAt.getTime());
  });

  it("a deletion not yet delivered is called off when the story is put back", async () => {
    const id = await publishStory("되살림");
    await db.portalTransmission.updateMany({ where: { articleId: id }, data: { status: "SENT", sentAt: new Date() } });
    await unpublishArticle(editor, id, { reason: "잠시 내림" });
    await republishArticle(editor, id, { reason: "실수로 내림" });
    const deletions = await db.portalTransmission.findMany({ where: { articleId: id, action: "DELETE" } });
    expect(deletions.length).toBeGreaterThan(0);
    expect(deletions.filter((row) => row.destinationId !== pull).every((row) => row.status === "CANCELLED")).toBe(true);
  });

  it("a 임시조치 on a story withdraws it from the portals too; its early end calls off a withdrawal not yet delivered", async () => {
    const id = await publishStory("임시조치");
    await db.portalTransmission.updateMany({ where: { articleId: id }, data: { status: "SENT", sentAt: new Date() } });
    const { id: takedownId } = await applyTakedown(editor, { articleId: id, reason: "DEFAMATION", days: 7 });
    const deletions = () => db.portalTransmission.findMany({ where: { articleId: id, action: "DELETE" } });
    expect((await deletions()).length).toBeGreaterThan(0);
    await restoreTakedown(editor, { takedownId, note: "청구인이 요청을 거두었습니다" });
    expect((await deletions()).filter((row) => row.destinationId !== pull).every((row) => row.status === "CANCELLED")).toBe(true);
  });
});
