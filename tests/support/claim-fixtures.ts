// Readers' claims for integration tests, filed through the real receiving function (the public
// form's), each from a source of its own so that rate limits of one test never touch another.
import { randomUUID } from "node:crypto";
import type { ReceivedFile } from "@/lib/claims/claim-attachments";
import { receiveClaim, type ReceivedClaim } from "@/lib/claims/receive-claim";
import type { StoryClaimNotice } from "@/lib/claims/story-claim-notice";
import { getArticlePageData } from "@/lib/articles/public/public-queries";

export const aSource = () => ({ source: `claim-test-${randomUUID()}` });

/** The form's text fields for a claim about `articleId`, with `overrides`. */
function claimFields(articleId: number | null, overrides: Record<string, string> = {}): Record<string, string> {
  return {
    kind: "CORRECTION",
    ...(articleId ? { articleId: String(articleId) } : {}),
    name: "홍길동",
    email: "hong@example.kr",
    phone: "010-1234-5678",
    relation: "self",
    disputedPassage: "홍길동 씨가 예산을 빼돌렸다는 구절",
    requestedText: "홍길동 씨는 예산을 빼돌린 사실이 없어 바로잡습니다.",
    reason: "감사 결과 문제가 없었습니다. 감사 보고서를 첨부합니다.",
    consent: "yes",
    ...overrides,
  };
}

export function fileClaim(articleId: number | null, options: { overrides?: Record<string, string>; files?: ReceivedFile[]; source?: string; now?: Date } = {}): Promise<ReceivedClaim> {
  const source = options.source ?? aSource().source;
  return receiveClaim(claimFields(articleId, options.overrides), options.files ?? [], { source, widerSource: source }, options.now);
}

/** What the story's public page says about claims (null: the page shows no story). */
export async function claimNoticeOnPage(articleId: number): Promise<StoryClaimNotice | null> {
  const page = await getArticlePageData(articleId);
  return page.state === "visible" ? page.claimNotice : null;
}
