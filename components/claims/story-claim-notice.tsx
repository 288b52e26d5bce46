import "@/components/claims/claims.css";
import { CLAIM_LABEL_KO } from "@/lib/claims/claim-kinds";
import type { StoryClaimNotice } from "@/lib/claims/story-claim-notice";

/** The desk's label near the headline while a claim about the story is open. */
export function StoryClaimLabel({ notice }: { notice: StoryClaimNotice }) {
  if (notice.labels.length === 0) return null;
  return (
    <p className="story-claim-label" role="note" data-testid="story-claim-label">
      {notice.labels.map((kind) => CLAIM_LABEL_KO[kind]).join(" · ")}
    </p>
  );
}

/** Why the comments are closed, while a claim holds them so. */
export function StoryClaimCommentsNotice({ notice }: { notice: StoryClaimNotice }) {
  if (!notice.commentsHeld) return null;
  return (
    <p className="story-claim-comments" role="note" data-testid="story-claim-comments">
      이 기사에 대한 권리구제 청구를 처리하는 동안 댓글을 닫았습니다. 처리가 끝나면 다시 엽니다.
    </p>
  );
}
