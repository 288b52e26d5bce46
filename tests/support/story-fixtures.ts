// Stories that pass the submission checks (lib/articles/workflow/submission-requirements.ts): a section,
// an origin (자체 취재) and a body long enough for the desk. Shared by every test that submits a story.
import { createArticleDraft } from "@/lib/articles/editor/edit-article";
import { approveArticle, submitArticle } from "@/lib/articles/workflow/transitions";
import type { StaffUser } from "@/lib/auth/staff-user";
import { db } from "@/lib/db";

/** A paragraph of about 150 characters of plain Korean news prose. */
export const SUBMITTABLE_TEXT =
  "[누리일보 테스트] 고양시가 내년 예산안을 시의회에 냈다. 시는 복지와 교통에 예산을 더 쓰겠다고 밝혔고, 시의회는 다음 주부터 상임위원회별 심사에 들어간다. 시민단체는 예산 집행의 투명성을 높여 달라고 요구했다.";

/** Filler of about 110 characters sharing no word with the search tests' queries. */
export const SEARCH_NEUTRAL_FILLER =
  "이 문단은 데스크에 넘길 때 필요한 분량을 채우려고 덧붙인 시험용 글이며, 검색 결과의 순서나 개수에는 아무런 영향을 주지 않아야 한다. 문장은 일부러 평범하게 적었다.";

export const paragraphBody = (text: string) => ({ type: "doc", content: [{ type: "paragraph", content: [{ type: "text", text }] }] });

/** A body the desk takes; `lead` goes first, so tests can tell stories apart. */
export const submittableBody = (lead = "") => paragraphBody(`${lead}${lead ? " " : ""}${SUBMITTABLE_TEXT}`);

/** The id of a section for test stories (created once per database). */
export async function testSectionId(): Promise<number> {
  const section = await db.section.upsert({ where: { slug: "desk-test" }, update: {}, create: { slug: "desk-test", name: "테스트섹션", sortOrder: 50 } });
  return section.id;
}

/** A draft that passes the submission checks, written through the domain like a reporter would. */
export async function submittableDraft(actor: StaffUser, fields: { headline?: string; lead?: string } & Record<string, unknown> = {}) {
  const { lead, ...rest } = fields;
  return createArticleDraft(actor, { headline: "시의회, 내년 예산안 심사 착수", sectionId: await testSectionId(), origin: "OWN_REPORTING", body: submittableBody(lead), ...rest });
}

/** A story's current version (what the desk's transitions compare). */
export async function versionOf(articleId: number): Promise<number> {
  return (await db.article.findUniqueOrThrow({ where: { id: articleId }, select: { version: true } })).version;
}

/** A story the reporter wrote and the desk approved now: live for readers. Returns its id. */
export async function publishedStory(reporter: StaffUser, editor: StaffUser, headline: string): Promise<number> {
  const draft = await submittableDraft(reporter, { headline });
  await submitArticle(reporter, draft.id);
  await approveArticle(editor, draft.id, { version: await versionOf(draft.id) });
  return draft.id;
}
