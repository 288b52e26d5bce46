import Link from "next/link";
import "@/components/newsroom/audit-log.css";
import { loadForPage } from "@/lib/actions/page-guard";
import { AUDIT_KINDS, isAuditKind } from "@/lib/audit/audit-labels";
import { listAuditLog } from "@/lib/audit/list-audit-log";
import { requireStaffPage } from "@/lib/auth/session";
import { formatKstDateTime } from "@/lib/format/korean-time";
import { pageNumber } from "@/lib/schemas/common";

interface Props {
  searchParams: Promise<{ page?: string; actor?: string; kind?: string }>;
}

/** The security log: one line per event, in Korean, filtered by person and kind (a plain GET form, so a filtered log has its own address). */
export default async function AuditPage({ searchParams }: Props) {
  const staff = await requireStaffPage();
  const query = await searchParams;
  const kind = query.kind && isAuditKind(query.kind) ? query.kind : undefined;
  const actorId = query.actor && /^[a-z0-9]{1,40}$/i.test(query.actor) ? query.actor : undefined;
  const { lines, page, pageCount, total, people } = await loadForPage(() => listAuditLog(staff, { page: pageNumber(query.page), actorId, kind }));
  const link = (p: number) => `/newsroom/audit?${new URLSearchParams({ ...(actorId ? { actor: actorId } : {}), ...(kind ? { kind } : {}), page: String(p) })}`;
  return (
    <>
      <h1>보안 기록</h1>
      <form className="desk-filters" method="get" action="/newsroom/audit" role="search" aria-label="보안 기록 거르기">
        <label>
          사람
          <select name="actor" defaultValue={actorId ?? ""}>
            <option value="">모두</option>
            {people.map((person) => (
              <option key={person.id} value={person.id}>
                {person.label}
              </option>
            ))}
          </select>
        </label>
        <label>
          종류
          <select name="kind" defaultValue={kind ?? ""}>
            <option value="">모두</option>
            {Object.entries(AUDIT_KINDS).map(([value, { label }]) => (
              <option key={value} value={value}>
                {label}
              </option>
            ))}
          </select>
        </label>
        <button type="submit" className="button--secondary">
          거르기
        </button>
        {(actorId || kind) && <Link href="/newsroom/audit">모두 보기</Link>}
      </form>
      <p className="desk-count">
        {total.toLocaleString("ko-KR")}건 · {page}/{pageCount}쪽 · 한국 시각
      </p>
      {lines.length === 0 ? (
        <p className="desk-empty">해당하는 기록이 없습니다.</p>
      ) : (
        // Scrolls sideways on a narrow screen; focusable, so the keyboard can scroll it too.
        <div className="audit-log__scroll" tabIndex={0} role="region" aria-label="보안 기록 표">
          <table className="table audit-log" data-testid="audit-log">
            <thead>
              <tr>
                <th>시각</th>
                <th>누가</th>
                <th>무엇을</th>
                <th>대상</th>
                <th>내용</th>
                <th>접속지</th>
              </tr>
            </thead>
            <tbody>
              {lines.map((line) => (
                <tr key={line.id}>
                  <td>
                    <time dateTime={line.at.toISOString()}>{formatKstDateTime(line.at)}</time>
                  </td>
                  <td>{line.who}</td>
                  <td>{line.what}</td>
                  <td title={line.target}>{line.target}</td>
                  <td title={line.detail}>{line.detail}</td>
                  <td title="IP 주소의 솔트 해시 앞부분: 같은 곳에서 온 기록을 알아볼 수 있습니다">{line.source}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      <p className="actions-row">
        {page > 1 && <Link href={link(page - 1)}>← 이전</Link>}
        {page < pageCount && <Link href={link(page + 1)}>다음 →</Link>}
      </p>
    </>
  );
}
