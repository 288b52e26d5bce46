// Where a story comes from (출처 유형), said once for the editor, the submission check, the desk,
// the article page, the publisher's page and the CSV. Portals' partnership reviews count the share
// of a paper's own reporting (Kakao's regional track asked for at least 30%), and the press ethics
// code (신문윤리실천요강 제8조 ①, 통신기사의 출처 명시) asks that wire copy name its agency: the
// 신문윤리위원회 cautions papers that run a 연합뉴스 story under their own reporter's name without it.
// Pure and browser-safe.
import type { ArticleOrigin } from "@/lib/generated/prisma/enums";

export type { ArticleOrigin };

/** In the order the editor offers them: the paper's own reporting first. */
export const ARTICLE_ORIGINS: readonly ArticleOrigin[] = ["OWN_REPORTING", "WIRE", "PRESS_RELEASE", "CONTRIBUTION", "EXTERNAL"];

export const ARTICLE_ORIGIN_LABEL: Record<ArticleOrigin, string> = {
  OWN_REPORTING: "자체 취재",
  WIRE: "통신",
  PRESS_RELEASE: "보도자료",
  CONTRIBUTION: "기고·칼럼",
  EXTERNAL: "외부 제공",
};

/** What the source field means for the origins that have one: the agency, the issuer, the provider. */
const SOURCE_FIELD: Partial<Record<ArticleOrigin, { label: string; missing: string; placeholder: string }>> = {
  WIRE: { label: "통신사", missing: "통신사를 적지 않았습니다.", placeholder: "예: 연합뉴스" },
  PRESS_RELEASE: { label: "보도자료를 낸 곳", missing: "보도자료를 낸 곳을 적지 않았습니다.", placeholder: "예: 고양특례시" },
  EXTERNAL: { label: "제공한 곳", missing: "기사를 제공한 곳을 적지 않았습니다.", placeholder: "예: 한국지역정책연구원" },
};

/**
 * The Korean wire services a paper subscribes to, offered as choices (others are typed): the
 * national agency and the two private ones, then the foreign agencies whose copy reaches Korean
 * papers most often.
 */
export const WIRE_AGENCIES: readonly string[] = ["연합뉴스", "뉴시스", "뉴스1", "AP", "AFP", "로이터"];

/** The longest source name we keep (agencies, city halls, institutes ...). */
export const ORIGIN_SOURCE_MAX = 60;

/** Whether this origin names a source (agency, issuer, provider). */
export function originTakesSource(origin: ArticleOrigin | null | undefined): boolean {
  return origin != null && SOURCE_FIELD[origin] !== undefined;
}

/** The label and placeholder of the source field for this origin, or null when it has none. */
export function originSourceField(origin: ArticleOrigin | null | undefined): { label: string; placeholder: string } | null {
  const field = origin ? SOURCE_FIELD[origin] : undefined;
  return field ? { label: field.label, placeholder: field.placeholder } : null;
}

/** The source as stored: kept only for origins that have one (a leftover agency of a story turned own reporting is dropped). */
export function storedOriginSource(origin: ArticleOrigin | null | undefined, source: string): string {
  return originTakesSource(origin) ? source.trim() : "";
}

/** What stops the story from going to the desk about its origin, in Korean; null when nothing. */
export function originProblem(origin: ArticleOrigin | null | undefined, source: string): string | null {
  if (!origin) return "출처 유형(자체 취재, 통신, 보도자료, 기고·칼럼, 외부 제공)을 고르지 않았습니다.";
  const field = SOURCE_FIELD[origin];
  return field && !source.trim() ? field.missing : null;
}

/** "통신 · 연합뉴스", "자체 취재", "출처 미기록": the desk's review, diffs, the publisher's page and the CSV. */
export function describeOrigin(origin: ArticleOrigin | null | undefined, source: string): string {
  if (!origin) return "출처 미기록";
  const name = storedOriginSource(origin, source);
  return name ? `${ARTICLE_ORIGIN_LABEL[origin]} · ${name}` : ARTICLE_ORIGIN_LABEL[origin];
}

/**
 * The credit readers see on the article page, as Korean papers print it: "[연합뉴스]" for wire
 * copy, "자료 제공: 고양특례시" for a press release, "제공: ○○" for a story another body provided;
 * null for the paper's own reporting and for contributions (their writer's byline says it).
 */
export function storyOriginCredit(origin: ArticleOrigin | null | undefined, source: string): string | null {
  const name = storedOriginSource(origin, source);
  if (!name) return null;
  if (origin === "WIRE") return `[${name}]`;
  if (origin === "PRESS_RELEASE") return `자료 제공: ${name}`;
  return `제공: ${name}`;
}
