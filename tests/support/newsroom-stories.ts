// Stories and comments of a browser test's own, made through the JSON API with a staff member's
// browser session (as the newsroom itself would) or, for readers' comments, straight into the
// database of the shared e2e app.
import type { Page } from "playwright-core";
import { inject } from "vitest";
import { query } from "./app-database";

const baseUrl = inject("appBaseUrl");

/** The JSON API with this page's session (same origin, as the browser would send it). */
export async function staffApi<T = Record<string, unknown>>(page: Page, method: "GET" | "POST" | "PATCH" | "DELETE", path: string, data?: unknown): Promise<T> {
  const response = await page.context().request.fetch(`${baseUrl}${path}`, { method, headers: { origin: baseUrl }, ...(data === undefined ? {} : { data }) });
  const body = (await response.json()) as T;
  if (!response.ok()) throw new Error(`${method} ${path}: ${response.status()} ${JSON.stringify(body)}`);
  return body;
}

export const paragraphs = (...texts: string[]) => ({ type: "doc", content: texts.map((text) => ({ type: "paragraph", content: [{ type: "text", text }] })) });

/** Long enough for the desk (100 characters and more). */
export const STORY_TEXT =
  "[누리일보 최하은 인턴기자] 고양시 일산동구의 한 초등학교 앞 횡단보도에 '옐로 카펫'이 깔렸다. 어린이가 노란 구역 안에서 신호를 기다리면 운전자 눈에 잘 띄도록 한 장치다. 학부모들은 등굣길이 한결 안전해졌다고 말했다.";

/** A draft of the signed-in person's own, in the first section; its id. */
export async function createDraft(page: Page, headline: string, fields: Record<string, unknown> = {}): Promise<number> {
  const { sections } = await staffApi<{ sections: { id: number }[] }>(page, "GET", "/api/v1/sections");
  const created = await staffApi<{ article: { id: number } }>(page, "POST", "/api/v1/articles", { headline, sectionId: sections[0]!.id, origin: "OWN_REPORTING", body: paragraphs(STORY_TEXT), ...fields });
  return created.article.id;
}

/** A story of the signed-in reporter's own, handed to the desk; its id. */
export async function createSubmittedStory(page: Page, headline: string, fields: Record<string, unknown> = {}): Promise<number> {
  const id = await createDraft(page, headline, fields);
  await staffApi(page, "POST", `/api/v1/articles/${id}/submit`);
  return id;
}

/** Readers' comments under a story, written straight into the database; their ids, in order. */
export async function plantComments(articleId: number, comments: { body: string; status?: "VISIBLE" | "HELD" | "HIDDEN"; reports?: number }[]): Promise<number[]> {
  const ids: number[] = [];
  for (const [index, comment] of comments.entries()) {
    const [row] = await query<{ id: number }>(
      `INSERT INTO "Comment" ("articleId", body, "guestName", "ipHash", status, "reportCount", "hiddenReason", "createdAt", "updatedAt")
       VALUES ($1, $2, $3, $4, $5, $6, $7, now() - ($8 || ' minutes')::interval, now()) RETURNING id`,
      [articleId, comment.body, `독자${index + 1}`, `e2e-phone-${articleId}-${index}`, comment.status ?? "VISIBLE", comment.reports ?? 0, comment.status === "HELD" ? "blocked-word" : null, String(comments.length - index)],
    );
    ids.push(row!.id);
  }
  return ids;
}
