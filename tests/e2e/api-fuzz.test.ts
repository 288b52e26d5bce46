// Hostile input to every /api/v1 route, as every role: generated JSON of the wrong types, huge
// numbers, NUL and broken Unicode, deep nesting, long strings and prototype keys, with hostile
// path segments and query strings. Whatever arrives, the answer is never a 5xx, and every 4xx is
// a JSON error with a code and a message. The routes are the route files under app/api/v1, read
// from the tree (app/api/v1/api-routes.ts), and each must answer a caller it allows: a route in
// the tree that the app does not serve fails here.
//
// It runs against the shared e2e app, with accounts and stories of its own, so it changes
// nothing other browser tests look at.
import { randomUUID } from "node:crypto";
import { fc, it } from "@fast-check/vitest";
import { afterAll, beforeAll, describe, expect, inject } from "vitest";
import { apiRoutes } from "@/app/api/v1/api-routes";
import type { ApiRoute } from "@/lib/api/route-table";
import { hashPassword } from "@/lib/auth/password-hash";
import { createPrismaClient, type Db } from "@/lib/db/client";
import type { Role } from "@/lib/generated/prisma/enums";
import { hostileJsonBody, hostileQuery, hostileSegment } from "../support/hostile-input";
import { signInOverHttp } from "../support/http-session";

const API_ROUTES = await apiRoutes();
const baseUrl = inject("appBaseUrl");
const databaseUrl = inject("appDatabaseUrl");
const RUNS = Number(process.env.FUZZ_RUNS ?? 12);
const PASSWORD = `fuzz-${randomUUID()}`;

type Caller = "anonymous" | Role;
const CALLERS: Caller[] = ["anonymous", "REPORTER", "EDITOR", "ADMIN"];

let db: Db;
const cookies = new Map<Caller, string>();
let realIds: string[] = [];
let reporterId = "";

async function createCaller(role: Role): Promise<string> {
  const email = `fuzz-${role.toLowerCase()}-${randomUUID().slice(0, 8)}@newsroom.test`;
  const user = await db.user.create({ data: { email, name: `퍼즈 ${role}`, role, title: "기자", passwordHash: await hashPassword(PASSWORD) } });
  cookies.set(role, (await signInOverHttp(baseUrl, email, PASSWORD)).cookie);
  return user.id;
}

async function createStory(authorId: string, status: "DRAFT" | "SUBMITTED" | "PUBLISHED"): Promise<number> {
  const body = { type: "doc", content: [{ type: "paragraph", content: [{ type: "text", text: "퍼즈 본문" }] }] };
  const article = await db.article.create({
    data: { headline: "퍼즈 기사", subHeadlines: [], slug: "fuzz", bodyJson: body, bodyHtml: "<p>퍼즈 본문</p>", bodyText: "퍼즈 본문", authorId, status, publishedAt: status === "PUBLISHED" ? new Date() : null },
  });
  const revision = await db.articleRevision.create({
    data: { articleId: article.id, number: 1, kind: "SAVE", articleVersion: 1, headline: article.headline, subHeadlines: [], bodyJson: body, bodyHtml: article.bodyHtml, bodyText: article.bodyText, createdById: authorId },
  });
  if (status === "PUBLISHED") await db.article.update({ where: { id: article.id }, data: { liveRevisionId: revision.id, approvedAt: new Date() } });
  return article.id;
}

/** Things that exist, made for one call: a published story (with revision 1), a comment on it and a library image. */
async function createTargets(): Promise<{ story: number; comment: number; media: string }> {
  const story = await createStory(reporterId, "PUBLISHED");
  const comment = await db.comment.create({ data: { articleId: story, body: "퍼즈 댓글", guestName: "퍼즈", ipHash: "fuzz" } });
  const media = await db.media.create({ data: { storageKey: `fuzz/${randomUUID()}.jpg`, mimeType: "image/jpeg", byteSize: 1, width: 1, height: 1, uploaderId: reporterId } });
  return { story, comment: comment.id, media: media.id };
}

/** The path with each parameter naming something that exists: a revision number, an image, a comment or else a story. */
function existingSegments(route: ApiRoute, targets: { story: number; comment: number; media: string }): string[] {
  return [...route.path.matchAll(/\{([^}]+)\}/g)].map(([, name]) => {
    if (name === "n") return "1";
    if (route.path.startsWith("/api/v1/media/")) return targets.media;
    if (route.path.startsWith("/api/v1/comments/")) return String(targets.comment);
    return String(targets.story);
  });
}

beforeAll(async () => {
  db = createPrismaClient(databaseUrl);
  reporterId = await createCaller("REPORTER");
  await createCaller("EDITOR");
  await createCaller("ADMIN");
  const ids = [await createStory(reporterId, "DRAFT"), await createStory(reporterId, "SUBMITTED"), await createStory(reporterId, "PUBLISHED")];
  // Only this test's own stories: fuzzing as an editor approves and unpublishes what it can reach.
  realIds = ids.map(String);
}, 120_000);

afterAll(async () => {
  await db?.$disconnect();
});

function fillPath(route: ApiRoute, segments: string[]): string {
  let index = 0;
  return route.path.replace(/\{[^}]+\}/g, () => segments[index++] ?? "1");
}

async function callOnce(route: ApiRoute, caller: Caller, input: { segments: string[]; query: string; body: string }) {
  const url = `${baseUrl}${fillPath(route, input.segments)}${input.query ? `?${input.query}` : ""}`;
  const headers: Record<string, string> = { origin: baseUrl };
  const cookie = caller === "anonymous" ? undefined : cookies.get(caller);
  if (cookie) headers.cookie = cookie;
  const hasBody = route.method !== "GET" && route.method !== "DELETE";
  if (hasBody) headers["content-type"] = "application/json";
  const response = await fetch(url, { method: route.method, headers, body: hasBody ? input.body : undefined, redirect: "manual" });
  const text = await response.text();
  return { status: response.status, contentType: response.headers.get("content-type") ?? "", text, url };
}

const segmentCount = (route: ApiRoute) => (route.path.match(/\{[^}]+\}/g) ?? []).length;

describe("every API route survives hostile input as every role", () => {
  for (const route of API_ROUTES) {
    for (const caller of CALLERS) {
      it.prop(
        [
          fc.array(hostileSegment(() => realIds), { minLength: segmentCount(route), maxLength: segmentCount(route) }),
          route.method === "GET" ? hostileQuery : fc.constant(""),
          hostileJsonBody(route.body),
        ],
        { numRuns: RUNS },
      )(`${route.method} ${route.path} as ${caller}`, async (segments, query, body) => {
        const answer = await callOnce(route, caller, { segments, query, body });
        expect(answer.status, `${answer.url.slice(0, 200)} -> ${answer.text.slice(0, 300)}`).toBeLessThan(500);
        if (answer.status >= 400 && answer.status !== 404) {
          expect(answer.contentType, answer.url.slice(0, 200)).toMatch(/application\/json/);
          const parsed = JSON.parse(answer.text) as { error?: { code?: unknown; message?: unknown } };
          expect(typeof parsed.error?.code, answer.text.slice(0, 200)).toBe("string");
          expect(typeof parsed.error?.message, answer.text.slice(0, 200)).toBe("string");
        }
      });
    }
  }
});

// Every route of the tree is served by the app: called as someone it allows (staff routes as an
// admin, public ones as a reader) on things that exist, it answers for itself (JSON, whatever the
// verdict on the input) and never 404 or 405, which is what a missing route or method gives.
describe("every route in the tree answers a caller it allows", () => {
  it("the app's own API description lists the same routes as the tree", async () => {
    const served = (await (await fetch(`${baseUrl}/api/v1/openapi.json`)).json()) as { paths: Record<string, Record<string, unknown>> };
    const described = Object.entries(served.paths).flatMap(([path, methods]) => Object.keys(methods).map((method) => `${method.toUpperCase()} ${path}`));
    expect(described.sort()).toEqual(API_ROUTES.map((route) => `${route.method} ${route.path}`).sort());
  });

  for (const route of API_ROUTES) {
    const caller: Caller = route.access === "staff" ? "ADMIN" : "anonymous";
    it(`${route.method} ${route.path} as ${caller}`, async () => {
      const answer = await callOnce(route, caller, { segments: existingSegments(route, await createTargets()), query: "", body: "{}" });
      const said = `${answer.status} ${answer.contentType} ${answer.text.slice(0, 200)}`;
      expect([404, 405], said).not.toContain(answer.status);
      expect(answer.contentType, said).toMatch(/application\/json/);
    });
  }
});
