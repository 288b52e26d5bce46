import "server-only";
// The demo newsroom's one claim, so that `npm start` shows the rights desk at work: a 반론보도
// claim from the city's housing corporation, received the evening before, the story labelled for
// readers by the desk. Written through the same steps as a reader's claim (its deadlines, its
// evidence snapshot and hash, its history) inside the demo seed's transaction.
import { submitClaimSchema } from "@/lib/claims/claim-schemas";
import { DEFAULT_CLAIM_SETTINGS } from "@/lib/claims/claim-settings";
import { receiptNumberOf } from "@/lib/claims/receipt-number";
import { newStatusToken, statusPathFor, storeClaim } from "@/lib/claims/receive-claim";
import type { DbTransaction } from "@/lib/db/client";
import { emitDomainEvent } from "@/lib/events/domain-events";
import { parseInput } from "@/lib/validation";

const HOUR_MS = 3_600_000;

const DEMO_CLAIM_FIELDS = {
  kind: "REPLY",
  name: "누리시 도시공사 (대표 사장 한누리)",
  email: "press@nuri-urban.example.kr",
  phone: "031-000-0000",
  relation: "organization",
  disputedPassage: "\"경쟁률이 높다는 것은 시장에서 감당 가능한 집이 그만큼 없다는 뜻\"이라며 \"공급 확대와 함께 월세 지원 같은 보완책이 필요하다\"",
  requestedText: "누리시 도시공사는 \"올해 청년 임대주택 공급은 지난해보다 40% 늘었고, 월세 지원 사업도 이미 시행 중\"이라고 밝혔다.",
  reason: "기사는 공급 물량이 부족하다는 주장만 실어, 공사가 올해 늘린 공급량과 시행 중인 월세 지원 사업을 독자가 알 수 없습니다. 공급 계획서를 따로 보내겠습니다.",
  consent: "yes",
};

/** Files the demo claim on story `articleId` (received `hoursAgo` before `now`) and labels the story as the editor. */
export async function seedDemoClaim(tx: DbTransaction, refs: { articleId: number; editorId: string; now: Date }): Promise<{ receiptNumber: string; statusPath: string }> {
  const receivedAt = new Date(refs.now.getTime() - 20 * HOUR_MS);
  const input = parseInput(submitClaimSchema, { ...DEMO_CLAIM_FIELDS, articleId: String(refs.articleId) });
  const token = newStatusToken();
  const claim = await storeClaim(tx, { input, target: { articleId: refs.articleId, commentId: null }, attachments: [], token, source: "demo-seed", settings: DEFAULT_CLAIM_SETTINGS }, receivedAt);
  const flaggedAt = new Date(receivedAt.getTime() + 2 * HOUR_MS);
  await tx.rightsClaim.update({ where: { id: claim.id }, data: { labelShown: true } });
  await emitDomainEvent(tx, { type: "claim.story-flagged", claimId: claim.id, articleId: refs.articleId, actorId: refs.editorId, label: true, commentsClosed: false, at: flaggedAt.toISOString() });
  return { receiptNumber: receiptNumberOf(claim), statusPath: statusPathFor(token) };
}
