import Link from "next/link";
import { notFound } from "next/navigation";
import { ActionForm } from "@/components/newsroom/action-form";
import { DestinationFields } from "@/components/newsroom/portal/destination-fields";
import { TransmissionRowCells } from "@/components/newsroom/portal/transmission-cells";
import "@/components/newsroom/desk/desk.css";
import "@/components/newsroom/portal/portal.css";
import { loadForPage, searchForPage } from "@/lib/actions/page-guard";
import { canForAnyRecord } from "@/lib/auth/permissions";
import { requireStaffPage } from "@/lib/auth/session";
import { formatKstMinute } from "@/lib/format/korean-time";
import type { PortalAction, PortalTransmissionStatus } from "@/lib/generated/prisma/enums";
import { getDestinationForAdmin } from "@/lib/portal/destinations";
import { ACTIONS, ACTION_KO, KIND_KO, STATUSES, STATUS_KO } from "@/lib/portal/portal-labels";
import { getDestinationLog } from "@/lib/portal/transmission-queries";
import { pageNumber } from "@/lib/schemas/common";
import { listSectionsForEditor } from "@/lib/sections/newsroom-sections";
import { resendTransmissionAction, saveDestinationAction } from "../actions";

interface Props {
  params: Promise<{ id: string }>;
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}

const one = (value: string | string[] | undefined) => (typeof value === "string" ? value : undefined);

/** One destination's log: filters, the failures waiting for the desk, and (admins) its settings. */
export default async function DestinationLogPage({ params, searchParams }: Props) {
  const staff = await requireStaffPage();
  const idText = (await params).id;
  if (!/^\d{1,9}$/.test(idText)) notFound();
  const id = Number(idText);
  const query = await searchParams;
  const status = STATUSES.find((value) => value === one(query.status)) as PortalTransmissionStatus | undefined;
  const action = ACTIONS.find((value) => value === one(query.action)) as PortalAction | undefined;
  const q = one(query.q)?.trim().slice(0, 100) || undefined;
  const admin = canForAnyRecord(staff, "portal.configure");
  const filters = { status, action, page: pageNumber(query.page) };
  const search = await searchForPage(() => getDestinationLog(staff, id, { ...filters, q }), null);
  // A search that cannot be run shows the log without it, and why.
  const log = search.found ?? (await loadForPage(() => getDestinationLog(staff, id, filters)));
  const settings = admin ? await loadForPage(async () => ({ destination: await getDestinationForAdmin(staff, id), sections: await listSectionsForEditor(staff) })) : null;
  const { destination } = log;
  const pageLink = (page: number) => `/newsroom/portal/${id}?${new URLSearchParams({ ...(status ? { status } : {}), ...(action ? { action } : {}), ...(q ? { q } : {}), page: String(page) })}`;

  return (
    <>
      <p>
        <Link href="/newsroom/portal">← 포털 송고처</Link>
      </p>
      <h1>
        {destination.name} <span className="desk-count">{KIND_KO[destination.kind]}</span>
        {!destination.active && <span className="badge badge--muted"> 꺼짐</span>}
      </h1>
      {destination.kind === "PULL" && <p className="form__hint">{destination.lastFetchedAt ? `포털이 마지막으로 피드를 가져간 때: ${formatKstMinute(destination.lastFetchedAt)}` : "포털이 아직 피드를 가져가지 않았습니다."}</p>}
      <div className="portal-counts" data-testid="status-counts">
        {STATUSES.filter((value) => log.byStatus[value]).map((value) => (
          <span key={value} className={`portal-status portal-status--${value}`}>
            {STATUS_KO[value]} {log.byStatus[value]}
          </span>
        ))}
      </div>

      <section className="desk-section" aria-labelledby="failures-title">
        <h2 id="failures-title">
          기다리는 실패 <span className="desk-count">{log.failures.length}건</span>
        </h2>
        {log.failures.length === 0 ? (
          <p className="desk-empty">실패해 기다리는 송고가 없습니다.</p>
        ) : (
          <div className="portal-table-wrap">
            <table className="table portal-table" data-testid="failures">
              <tbody>
                {log.failures.map((row) => (
                  <TransmissionRowCells key={String(row.id)} row={row}>
                    <td>
                      <ActionForm action={resendTransmissionAction} submitLabel="다시 보내기">
                        <input type="hidden" name="transmissionId" value={String(row.id)} />
                        <input type="hidden" name="destinationId" value={id} />
                      </ActionForm>
                    </td>
                  </TransmissionRowCells>
                ))}
              </tbody>
            </table>
          </div>
        )}
      </section>

      <section className="desk-section" aria-labelledby="log-title">
        <h2 id="log-title">
          송고 기록 <span className="desk-count">{log.total}건</span>
        </h2>
        <form className="desk-filters" method="get">
          <label>
            상태
            <select name="status" defaultValue={status ?? ""}>
              <option value="">모두</option>
              {STATUSES.map((value) => (
                <option key={value} value={value}>
                  {STATUS_KO[value]}
                </option>
              ))}
            </select>
          </label>
          <label>
            종류
            <select name="action" defaultValue={action ?? ""}>
              <option value="">모두</option>
              {ACTIONS.map((value) => (
                <option key={value} value={value}>
                  {ACTION_KO[value]}
                </option>
              ))}
            </select>
          </label>
          <label>
            제목
            <input name="q" defaultValue={q} maxLength={100} />
          </label>
          <button type="submit">보기</button>
        </form>
        {search.searchError && (
          <p className="form__error" role="alert">
            {search.searchError}
          </p>
        )}
        <div className="portal-table-wrap">
          <table className="table portal-table" data-testid="transmission-log">
            <thead>
              <tr>
                <th>기사</th>
                <th>내용</th>
                <th>결정·송고</th>
                <th>결과</th>
              </tr>
            </thead>
            <tbody>
              {log.rows.map((row) => (
                <TransmissionRowCells key={String(row.id)} row={row} withWhen />
              ))}
            </tbody>
          </table>
        </div>
        {log.rows.length === 0 && <p className="desk-empty">조건에 맞는 송고 기록이 없습니다.</p>}
        {log.pageCount > 1 && (
          <nav className="story-pager" aria-label="쪽">
            {log.page > 1 && <Link href={pageLink(log.page - 1)}>← 앞 쪽</Link>}
            <span>
              {log.page} / {log.pageCount}
            </span>
            {log.page < log.pageCount && <Link href={pageLink(log.page + 1)}>다음 쪽 →</Link>}
          </nav>
        )}
      </section>

      {settings && (
        <details className="panel">
          <summary>송고처 설정 바꾸기 (관리자)</summary>
          <ActionForm action={saveDestinationAction} submitLabel="설정 저장">
            <DestinationFields destination={settings.destination} sections={settings.sections} />
          </ActionForm>
        </details>
      )}
    </>
  );
}
