// One share on the publisher's page: the percentage of 자체 취재, the counts behind it, the
// unrecorded stories apart, and the verdict against the threshold in words (not colour alone).
import { formatShare, SHARE_VERDICT_LABEL, type OriginShare } from "@/lib/eligibility/origin-share";

export function ShareVerdictBadge({ share }: { share: OriginShare }) {
  return <span className={`share-verdict share-verdict--${share.verdict}`}>{SHARE_VERDICT_LABEL[share.verdict]}</span>;
}

export function ShareCell({ share }: { share: OriginShare }) {
  if (share.total === 0) return <span className="share-cell share-cell--empty">기사 없음</span>;
  return (
    <span className="share-cell">
      <strong className={`share-cell__percent share-cell__percent--${share.verdict}`}>{formatShare(share.share)}</strong>
      {/* Short of the threshold, or undecided, said in a word and not by the colour alone. */}
      {share.verdict === "below" && <span className="share-cell__verdict share-cell__verdict--below"> 미달</span>}
      {share.verdict === "depends" && <span className="share-cell__verdict share-cell__verdict--depends"> 미정</span>}{" "}
      <span className="share-cell__counts">
        ({share.own}/{share.recorded}건{share.unrecorded > 0 && <span className="share-cell__unrecorded">, 미기록 {share.unrecorded}</span>})
      </span>
    </span>
  );
}
