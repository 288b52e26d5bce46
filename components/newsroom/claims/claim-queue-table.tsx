import Link from "next/link";
import "@/components/newsroom/claims/claims-desk.css";
import { ClaimClockView } from "@/components/newsroom/claims/claim-clock";
import { CLAIM_KIND_KO, CLAIM_STATUS_KO } from "@/lib/claims/claim-kinds";
import type { QueueRow } from "@/lib/claims/claim-queue";
import { formatKstMinute } from "@/lib/format/korean-time";

/** The desk's claims: receipt number, kind, story, claimant, the running clock (red once overdue), state. */
export function ClaimQueueTable({ rows, testId = "claims-queue" }: { rows: QueueRow[]; testId?: string }) {
  if (rows.length === 0) return <p className="desk-empty">해당하는 청구가 없습니다.</p>;
  return (
    <table className="claims-table" data-testid={testId}>
      <thead>
        <tr>
          <th>접수번호</th>
          <th>종류</th>
          <th>대상 보도</th>
          <th>청구인</th>
          <th>접수 (한국 시각)</th>
          <th>기한</th>
          <th>상태</th>
        </tr>
      </thead>
      <tbody>
        {rows.map((row) => (
          <tr key={row.id} className={row.clock?.reading.overdue ? "is-overdue" : undefined} data-claim-id={row.id}>
            <td>
              <Link href={`/newsroom/claims/${row.id}`}>{row.receiptNumber}</Link>
            </td>
            <td>
              {CLAIM_KIND_KO[row.kind]}
              {row.onComment && <span className="desk-kind"> 댓글</span>}
            </td>
            <td>{row.story ? row.story.headline : (row.storyReference ?? "(기사 미특정)")}</td>
            <td>{row.claimantName ?? <span className="desk-empty">(파기됨)</span>}</td>
            <td>{formatKstMinute(row.receivedAt)}</td>
            <td>
              <ClaimClockView clock={row.clock} />
            </td>
            <td>
              {CLAIM_STATUS_KO[row.status]}
              {row.labelShown && <span className="desk-kind"> 기사 표시</span>}
              {row.closedComments && <span className="desk-kind"> 댓글 닫음</span>}
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
