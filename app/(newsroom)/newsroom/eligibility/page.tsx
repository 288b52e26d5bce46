import { ActionForm } from "@/components/newsroom/action-form";
import { ShareBreakdown } from "@/components/newsroom/eligibility/share-breakdown";
import { ShareCell, ShareVerdictBadge } from "@/components/newsroom/eligibility/share-cell";
import "@/components/newsroom/eligibility/eligibility.css";
import { loadForPage } from "@/lib/actions/page-guard";
import { can } from "@/lib/auth/permissions";
import { requireStaffPage } from "@/lib/auth/session";
import { SHARE_WINDOWS_DAYS } from "@/lib/eligibility/eligibility-periods";
import { getEligibilityReport } from "@/lib/eligibility/eligibility-report";
import { formatShare } from "@/lib/eligibility/origin-share";
import { formatKstDateTime } from "@/lib/format/korean-time";
import { ARTICLE_ORIGIN_LABEL, ARTICLE_ORIGINS } from "@/lib/origins/story-origin";
import { updateEligibilitySettingsAction } from "./actions";

export const metadata = { title: "자체 기사 비율" };

/**
 * The publisher's page: how much of what readers can see is the paper's own reporting, as portals'
 * partnership reviews count it, and the story list reviewers ask for (lib/eligibility/).
 */
export default async function EligibilityPage() {
  const staff = await requireStaffPage();
  // A reporter gets the newsroom's 403 page (forbidden.tsx).
  const report = await loadForPage(() => getEligibilityReport(staff));
  const listed = report.months.reduce((sum, month) => sum + month.share.total, 0);

  return (
    <>
      <h1>자체 기사 비율 · 제휴 심사 자료</h1>
      <p className="form__hint">
        지금 독자에게 공개된 기사만 셉니다(초고·데스크 대기·예약·게재 중단 기사는 빠집니다). 기사마다 데스크가 승인한 판의 출처 유형·섹션·바이라인으로 셉니다. 비율은 출처가 기록된 기사 가운데 자체 취재의 몫이고, 출처
        미기록 기사는 따로 셉니다. 기준: 자체 취재 <strong data-testid="threshold">{report.thresholdPercent}%</strong> 이상. 표에서 미달은 기준에 못 미친다는 뜻이고, 미정은 출처 미기록 기사에 따라 판정이 달라진다는 뜻입니다. {formatKstDateTime(report.generatedAt)} 기준.
      </p>

      <section aria-labelledby="overall-heading">
        <h2 id="overall-heading">전체</h2>
        <div className="share-summary" data-testid="share-summary">
          {SHARE_WINDOWS_DAYS.map((days) => {
            const share = report.overall[days];
            return (
              <article key={days} className="share-summary__card" data-window={days}>
                <h3>최근 {days}일</h3>
                <span className="share-summary__percent">{formatShare(share.share)}</span>
                <ShareVerdictBadge share={share} />
                <p>
                  자체 취재 {share.own}건 / 출처 기록 {share.recorded}건
                </p>
                <p data-testid={`unrecorded-${days}`}>출처 미기록 {share.unrecorded}건 (비율에서 뺌)</p>
                {share.verdict === "depends" && <p>미기록 기사의 출처를 적으면 판정이 정해집니다.</p>}
              </article>
            );
          })}
        </div>
      </section>

      <section aria-labelledby="section-heading">
        <h2 id="section-heading">섹션별</h2>
        <ShareBreakdown caption="섹션별 자체 취재 비율" firstColumn="섹션" rows={report.bySection} testId="by-section" />
      </section>

      <section aria-labelledby="reporter-heading">
        <h2 id="reporter-heading">기자별</h2>
        <ShareBreakdown caption="기자별 자체 취재 비율 (바이라인 첫 기자 기준)" firstColumn="기자" rows={report.byReporter} testId="by-reporter" />
      </section>

      <section aria-labelledby="month-heading">
        <h2 id="month-heading">월별 기사 수</h2>
        <div className="table-scroll" role="region" aria-labelledby="month-heading" tabIndex={0}>
          <table className="table month-table" data-testid="by-month">
            <thead>
              <tr>
                <th scope="col">월 (KST)</th>
                <th scope="col">전체</th>
                {ARTICLE_ORIGINS.map((origin) => (
                  <th key={origin} scope="col">
                    {ARTICLE_ORIGIN_LABEL[origin]}
                  </th>
                ))}
                <th scope="col">미기록</th>
                <th scope="col">자체 비율</th>
              </tr>
            </thead>
            <tbody>
              {report.months.map(({ month, tally, share }) => (
                <tr key={month} data-month={month}>
                  <th scope="row">{month}</th>
                  <td>{share.total}</td>
                  {ARTICLE_ORIGINS.map((origin) => (
                    <td key={origin}>{tally.byOrigin[origin]}</td>
                  ))}
                  <td>{tally.unrecorded}</td>
                  <td>
                    <ShareCell share={share} />
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      </section>

      <section className="panel" aria-labelledby="download-heading">
        <h2 id="download-heading">제휴 심사용 기사 목록</h2>
        <p className="form__hint">
          지난 12개월({report.months[0]?.month}부터 지금까지) 공개 기사 {listed}건: 주소, 제목, 기자, 입력·수정 시각(한국 시각), 섹션, 출처 유형과 출처. 자체 취재 기사가 먼저 나옵니다. 엑셀에서 한글이 깨지지 않습니다.
        </p>
        <p className="eligibility-download">
          <a className="button" href="/newsroom/eligibility/stories.csv" download data-testid="csv-download">
            CSV 내려받기
          </a>
        </p>
      </section>

      {can(staff, "eligibility.configure") && (
        <section className="panel eligibility-threshold" aria-labelledby="threshold-heading">
          <h2 id="threshold-heading">기준 비율</h2>
          <p className="form__hint">카카오 지역 언론 제휴 트랙은 자체 기사 30% 이상을 요구했습니다. 다른 포털·다른 심사에 맞춰 바꿀 수 있습니다.</p>
          <ActionForm action={updateEligibilitySettingsAction} submitLabel="기준 저장">
            <label>
              자체 취재 최소 비율 (%)
              <input type="number" name="ownReportingThresholdPercent" defaultValue={report.thresholdPercent} min={0} max={100} step={1} required inputMode="numeric" />
            </label>
          </ActionForm>
        </section>
      )}
    </>
  );
}
