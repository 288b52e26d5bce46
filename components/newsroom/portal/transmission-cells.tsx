import Link from "next/link";
import type { ReactNode } from "react";
import { formatKstMinute } from "@/lib/format/korean-time";
import { ACTION_KO, STATUS_KO } from "@/lib/portal/portal-labels";
import type { TransmissionRow } from "@/lib/portal/transmission-queries";

/** A transmission's state, with why (a refusal, a hold, the destination's answer, the next try). */
export function TransmissionStatus({ row }: { row: TransmissionRow }) {
  const detail = row.reason ?? row.lastError;
  return (
    <>
      <span className={`portal-status portal-status--${row.status}`} data-testid="transmission-status">
        {STATUS_KO[row.status]}
      </span>
      {row.responseStatus !== null && <span className="portal-reason">HTTP {row.responseStatus}</span>}
      {row.attempts > 0 && row.status !== "SENT" && <span className="portal-reason">{row.attempts}번 시도{row.nextAttemptAt ? ` · 다음 시도 ${formatKstMinute(row.nextAttemptAt)}` : ""}</span>}
      {detail && <span className="portal-reason">{detail}</span>}
    </>
  );
}

/** What was sent: the action, which revision, and a 정정/반론 note. */
export function TransmissionWhat({ row }: { row: TransmissionRow }) {
  return (
    <>
      {ACTION_KO[row.action]}
      {row.revisionNumber !== null && ` · ${row.revisionNumber}판`}
      {row.category && ` · ${row.category}`}
      {row.correctionNote && <span className="portal-reason">{row.correctionType === "REPLY" ? "반론" : "정정"}: {row.correctionNote}</span>}
    </>
  );
}

/** When it was decided and when it left. */
export function TransmissionWhen({ row }: { row: TransmissionRow }) {
  return (
    <>
      {formatKstMinute(row.createdAt)}
      {row.sentAt && <span className="portal-reason">송고 {formatKstMinute(row.sentAt)}</span>}
      {row.requestedBy && <span className="portal-reason">{row.requestedBy.name} 요청</span>}
    </>
  );
}

/** One transmission as a table row: the story, what was sent, (when), the result, and any cells the table adds. */
export function TransmissionRowCells({ row, withWhen = false, children }: { row: TransmissionRow & { article: { headline: string } }; withWhen?: boolean; children?: ReactNode }) {
  return (
    <tr>
      <td data-label="기사">
        <Link href={`/newsroom/articles/${row.articleId}`}>{row.article.headline}</Link>
      </td>
      <td data-label="내용">
        <TransmissionWhat row={row} />
      </td>
      {withWhen && (
        <td data-label="때">
          <TransmissionWhen row={row} />
        </td>
      )}
      <td data-label="결과">
        <TransmissionStatus row={row} />
      </td>
      {children}
    </tr>
  );
}
