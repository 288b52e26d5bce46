// Who a comment request comes from, through a real reverse-proxy setting: a second instance of the
// app with TRUST_PROXY=1, so each request's X-Forwarded-For is its address. IPv6 addresses of one
// /48 (one home or office: its /64s are 65,536 "people" to a /64 count) are one voice for what
// one person must not decide alone (reports that hide, likes that rank), while rate limits keep
// counting by /64 and add a limit per /48. A guest's comment cannot be locked against its writer
// by someone else's wrong passwords.
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { query } from "../support/app-database";
import { startAppInstance, type AppInstance } from "../support/app-instance";
import { createPublishedStoryInApp } from "../support/published-story-in-app";

const databaseUrl = inject("appDatabaseUrl");

let proxied: AppInstance;

beforeAll(async () => {
  proxied = await startAppInstance(databaseUrl, { TRUST_PROXY: "1" });
}, 180_000);

afterAll(async () => {
  await proxied?.stop();
});

function call(method: string, path: string, from: string, body?: unknown) {
  return fetch(`${proxied.baseUrl}${path}`, {
    method,
    headers: { origin: proxied.baseUrl, "x-forwarded-for": from, ...(body === undefined ? {} : { "content-type": "application/json" }) },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
}

let nextText = 0;
async function postFrom(storyId: number, from: string, password = "1234"): Promise<Response> {
  nextText += 1;
  return call("POST", `/api/v1/articles/${storyId}/comments`, from, { nickname: "동네주민", password, body: `출처 시험 댓글 ${nextText}번입니다.` });
}

async function commentFrom(storyId: number, from: string, password = "1234"): Promise<number> {
  const response = await postFrom(storyId, from, password);
  expect(response.status, await response.clone().text()).toBe(201);
  return ((await response.json()) as { comment: { id: number } }).comment.id;
}

const commentRow = async (id: number) => (await query<{ status: string; likeCount: number; reportCount: number }>(`SELECT status, "likeCount", "reportCount" FROM "Comment" WHERE id = $1`, [id]))[0];

describe("IPv6 sources through X-Forwarded-For (TRUST_PROXY=1)", () => {
  let storyId: number;
  beforeAll(async () => {
    storyId = await createPublishedStoryInApp(databaseUrl, "IPv6 출처를 가리는 댓글 시험 기사");
  });

  it("reports from many /64s of one /48 count once: they cannot hide a comment; three /48s can", async () => {
    const id = await commentFrom(storyId, "2001:db8:100:1::1");
    const report = (from: string) => call("POST", `/api/v1/comments/${id}/report`, from, { reason: "abuse" });
    expect((await report("2001:db8:200:1::1")).status).toBe(200);
    for (const subnet of [2, 3, 4, 5]) {
      const again = await report(`2001:db8:200:${subnet}::7`);
      expect(again.status).toBe(409);
      expect(((await again.json()) as { error: { message: string } }).error.message).toBe("이미 신고한 댓글입니다.");
    }
    expect(await commentRow(id)).toMatchObject({ status: "VISIBLE", reportCount: 1 });

    expect((await report("2001:db8:300:1::1")).status).toBe(200);
    expect((await report("2001:db8:400:9:8:7:6:5")).status).toBe(200);
    expect(await commentRow(id)).toMatchObject({ status: "HIDDEN", reportCount: 3 });
  });

  it("likes from many /64s of one /48 count once; the writer's own /48 cannot like it", async () => {
    const id = await commentFrom(storyId, "2001:db8:500:1::1");
    const like = (from: string) => call("POST", `/api/v1/comments/${id}/like`, from);
    expect((await like("2001:db8:600:1::1")).status).toBe(200);
    for (const subnet of [2, 3, 0xffff]) expect((await like(`2001:db8:600:${subnet.toString(16)}::1`)).status).toBe(409);
    expect((await like("2001:db8:500:2::99")).status).toBe(403);
    expect((await like("2001:db8:601:1::1")).status).toBe(200);
    expect(await commentRow(id)).toMatchObject({ likeCount: 2 });
  });

  it("rate limits: one /64 still posts once per 15 seconds; one /48 at most four times, whichever /64s it uses", async () => {
    const story = await createPublishedStoryInApp(databaseUrl, "IPv6 도배 한도 시험 기사");
    expect((await postFrom(story, "2001:db8:700:1::1")).status).toBe(201);
    const sameSubnet = await postFrom(story, "2001:db8:700:1:ffff::2");
    expect(sameSubnet.status).toBe(429);
    expect(Number(sameSubnet.headers.get("retry-after"))).toBeGreaterThan(0);
    for (const subnet of [2, 3, 4]) expect((await postFrom(story, `2001:db8:700:${subnet}::1`)).status).toBe(201);
    const fifth = await postFrom(story, "2001:db8:700:5::1");
    expect(fifth.status).toBe(429);
    expect(((await fifth.json()) as { error: { message: string } }).error.message).toContain("같은 네트워크");
    // Another /48, and an IPv4 address, are other people.
    expect((await postFrom(story, "2001:db8:701:1::1")).status).toBe(201);
    expect((await postFrom(story, "198.51.100.7")).status).toBe(201);
  });
});

describe("deleting one's own comment when someone else guessed wrong", () => {
  it("an outsider's wrong passwords lock only the outsider: the writer deletes from another address", async () => {
    const storyId = await createPublishedStoryInApp(databaseUrl, "댓글 삭제 잠금 시험 기사");
    const id = await commentFrom(storyId, "198.51.100.10", "writer-secret");
    const remove = (from: string, password: string) => call("DELETE", `/api/v1/comments/${id}`, from, { password });
    const statuses: number[] = [];
    for (let guess = 0; guess < 7; guess += 1) statuses.push((await remove("203.0.113.66", `guess-${guess}`)).status);
    expect(statuses).toEqual([403, 403, 403, 403, 403, 429, 429]);
    // The outsider is locked even with the right password (guessing cannot go on) ...
    expect((await remove("203.0.113.66", "writer-secret")).status).toBe(429);
    // ... the writer, from home or from a phone on IPv6, is not.
    const deleted = await remove("2001:db8:900:1::1", "writer-secret");
    expect(deleted.status, await deleted.clone().text()).toBe(200);
    expect(await commentRow(id)).toMatchObject({ status: "DELETED" });
  });
});
