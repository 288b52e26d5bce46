// A breakdown of the share of 자체 취재 (by section, by reporter) over the three windows. A table
// on a desk; on a phone each row becomes a card whose cells say which window they are.
import { ShareCell } from "@/components/newsroom/eligibility/share-cell";
import { SHARE_WINDOWS_DAYS } from "@/lib/eligibility/eligibility-periods";
import type { ShareBreakdownRow } from "@/lib/eligibility/eligibility-report";

export function ShareBreakdown({ caption, firstColumn, rows, testId }: { caption: string; firstColumn: string; rows: ShareBreakdownRow[]; testId: string }) {
  if (rows.length === 0) return <p className="form__hint">지난 365일에 공개된 기사가 없습니다.</p>;
  return (
    <table className="table share-table" data-testid={testId}>
      <caption className="visually-hidden">{caption}</caption>
      <thead>
        <tr>
          <th scope="col">{firstColumn}</th>
          {SHARE_WINDOWS_DAYS.map((days) => (
            <th key={days} scope="col">
              최근 {days}일
            </th>
          ))}
        </tr>
      </thead>
      <tbody>
        {rows.map((row) => (
          <tr key={row.key} data-key={row.key}>
            <th scope="row">{row.label}</th>
            {SHARE_WINDOWS_DAYS.map((days) => (
              <td key={days} data-label={`최근 ${days}일`}>
                <ShareCell share={row.windows[days]} />
              </td>
            ))}
          </tr>
        ))}
      </tbody>
    </table>
  );
}
