import Link from "next/link";
import { loadForPage } from "@/lib/actions/page-guard";
import { listAuditLog } from "@/lib/audit/list-audit-log";
import { requireStaffPage } from "@/lib/auth/session";
import { formatKstDateTime } from "@/lib/format/korean-time";
import { pageNumber } from "@/lib/schemas/common";

interface Props {
  searchParams: Promise<{ page?: string; action?: string }>;
}

const FILTERS = [
  ["", "전체"],
  ["auth.", "로그인·로그아웃·비밀번호"],
  ["staff.", "직원 관리"],
  ["article.", "기사 처리"],
] as const;

export default async function AuditPage({ searchParams }: Props) {
  const staff = await requireStaffPage();
  const query = await searchParams;
  const action = query.action && /^[a-z.]{1,40}$/.test(query.action) ? query.action : undefined;
  const result = await loadForPage(() => listAuditLog(staff, { page: pageNumber(query.page), action }));
  const { entries, page, pageCount, total } = result;
  const link = (p: number) => `/newsroom/audit?page=${p}${action ? `&action=${action}` : ""}`;
  return (
    <>
      <h1>보안 기록</h1>
      <p className="actions-row">
        {FILTERS.map(([value, label]) => (
          <Link key={value} href={value ? `/newsroom/audit?action=${value}` : "/newsroom/audit"}>
            {label}
          </Link>
        ))}
      </p>
      <p>
        {total}건 · {page}/{pageCount}쪽
      </p>
      <table className="table">
        <thead>
          <tr>
            <th>시각 (KST)</th>
            <th>누가</th>
            <th>무엇을</th>
            <th>대상</th>
            <th>IP(해시)</th>
            <th>내용</th>
          </tr>
        </thead>
        <tbody>
          {entries.map((entry) => (
            <tr key={entry.id}>
              <td>{formatKstDateTime(entry.createdAt)}</td>
              <td>{entry.actor ? `${entry.actor.name} (${entry.actor.email})` : "-"}</td>
              <td>
                <code>{entry.action}</code>
              </td>
              <td>{entry.targetType ? `${entry.targetType} ${entry.targetId ?? ""}` : "-"}</td>
              <td>{entry.ipHash ? entry.ipHash.slice(0, 10) : "-"}</td>
              <td>
                <code>{entry.detail ? JSON.stringify(entry.detail) : ""}</code>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      <p className="actions-row">
        {page > 1 && <Link href={link(page - 1)}>← 이전</Link>}
        {page < pageCount && <Link href={link(page + 1)}>다음 →</Link>}
      </p>
    </>
  );
}
