import { ClaimLinkList } from "@/components/newsroom/claims/claim-link-list";
import type { QueueRow } from "@/lib/claims/claim-queue";

/** On the story's review screen: the accepted claims its next 정정 or 반론 approval will close. */
export function StoryClaimsNotice({ rows }: { rows: QueueRow[] }) {
  if (rows.length === 0) return null;
  return (
    <div className="notice" role="note" data-testid="story-accepted-claims">
      수용한 권리구제 청구가 있습니다. 고친 내용을 「{rows.some((row) => row.kind === "REPLY") ? "정정 또는 반론" : "정정"}」으로 승인하면 청구가 게재 완료로 끝납니다.
      <ClaimLinkList rows={rows} />
    </div>
  );
}
