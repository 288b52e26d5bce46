import Link from "next/link";
import "@/components/newsroom/desk/desk.css";
import { ClaimQueueTable } from "@/components/newsroom/claims/claim-queue-table";
import { loadForPage, searchForPage } from "@/lib/actions/page-guard";
import { canForAnyRecord } from "@/lib/auth/permissions";
import { requireStaffPage } from "@/lib/auth/session";
import { listClaimQueue, type QueueFilter } from "@/lib/claims/claim-queue";
import { readClaimSettings } from "@/lib/claims/claim-settings";

interface Props {
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}

const first = (value: string | string[] | undefined) => (Array.isArray(value) ? value[0] : value) ?? "";
const FILTERS: [QueueFilter, string][] = [
  ["open", "진행 중"],
  ["closed", "끝난 청구"],
  ["all", "전체"],
];

/** The rights desk's queue: readers' claims with their clocks, the nearest deadline first. */
export default async function ClaimsQueuePage({ searchParams }: Props) {
  const staff = await requireStaffPage();
  const params = await searchParams;
  const filter = (FILTERS.find(([value]) => value === first(params.filter))?.[0] ?? "open") as QueueFilter;
  const q = first(params.q).slice(0, 100).trim();
  const now = new Date();
  const [{ found: rows, searchError }, settings] = await Promise.all([searchForPage(() => listClaimQueue(staff, { filter, q: q || undefined }, now), []), loadForPage(readClaimSettings)]);
  const overdue = rows.filter((row) => row.clock?.reading.overdue).length;
  return (
    <>
      <div className="desk-title-row">
        <h1>권리구제 청구</h1>
        {canForAnyRecord(staff, "claim.configure") && (
          <p className="actions-row">
            <Link className="button button--secondary" href="/newsroom/claims/settings">
              기한·보유 기간 설정
            </Link>
          </p>
        )}
      </div>
      <p className="desk-count">
        회신 기한: 접수한 날부터 {settings.replyDays}일 (언론중재법 제15조 제2항) · 게재 기한: 접수한 날부터 {settings.publishDays}일 (제15조 제3항) · 삭제·임시조치 요청:{" "}
        {settings.takedownReplyDays}일 · 접수일은 세지 않고 마지막 날 24시(한국 시각)까지 (민법 제157조·제159조). 기한은 접수할 때의 설정으로 정해집니다.
      </p>
      <nav className="claims-tabs" aria-label="청구 거르기">
        {FILTERS.map(([value, label]) => (
          <Link key={value} href={`/newsroom/claims?filter=${value}`} aria-current={value === filter ? "page" : undefined}>
            {label}
          </Link>
        ))}
      </nav>
      <form className="desk-filters" action="/newsroom/claims">
        <input type="hidden" name="filter" value={filter} />
        <label>
          찾기 (접수번호, 청구인, 기사 제목)
          <input name="q" defaultValue={q} maxLength={100} />
        </label>
        <button type="submit">찾기</button>
      </form>
      {searchError && (
        <p className="form__error" role="alert">
          {searchError}
        </p>
      )}
      {overdue > 0 && (
        <p className="claims-overdue" role="alert">
          기한을 넘긴 청구가 {overdue}건 있습니다.
        </p>
      )}
      <ClaimQueueTable rows={rows} />
    </>
  );
}
