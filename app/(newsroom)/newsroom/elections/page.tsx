import { ActionForm } from "@/components/newsroom/action-form";
import { loadForPage } from "@/lib/actions/page-guard";
import { requireStaffPage } from "@/lib/auth/session";
import { listElections } from "@/lib/elections/manage-elections";
import { formatKstMinute } from "@/lib/format/korean-time";
import { createElectionAction, deleteElectionAction } from "./actions";

export default async function ElectionsPage() {
  const staff = await requireStaffPage();
  const elections = await loadForPage(() => listElections(staff));
  return (
    <>
      <h1>선거와 여론조사 보도</h1>
      <p className="form__hint">
        공직선거법 제108조 제1항: 선거일 전 6일 0시부터 투표 마감까지는 여론조사 결과를 공표·보도할 수 없습니다. 여기 등록한 선거의 그 기간에는
        &lsquo;여론조사 보도&rsquo;로 표시된 기사를 승인·예약할 수 없습니다 (시각은 한국 시간).
      </p>
      <section className="panel">
        <h2>선거 등록</h2>
        <ActionForm action={createElectionAction} submitLabel="등록" resetOnSuccess>
          <label>
            선거 이름
            <input name="name" required maxLength={100} placeholder="예: 제23대 국회의원선거" />
          </label>
          <label>
            선거일
            <input type="date" name="electionDay" required />
          </label>
          <label>
            투표 마감 시각
            <input type="time" name="votingEndsAt" defaultValue="18:00" required />
            <span className="form__hint">공직선거법 제155조 제1항: 18:00 (보궐선거 등은 20:00)</span>
          </label>
        </ActionForm>
      </section>
      <section className="panel" data-testid="elections">
        <h2>등록된 선거</h2>
        {elections.length === 0 ? (
          <p>등록된 선거가 없습니다.</p>
        ) : (
          <ul className="plain-list">
            {elections.map((election) => (
              <li key={election.id}>
                <strong>{election.name}</strong> · 여론조사 보도 금지 {formatKstMinute(election.pollBlackoutStartsAt)} ~ {formatKstMinute(election.votingEndsAt)}
                {!election.ahead && " (지남)"}
                {election.createdBy && ` · 등록 ${election.createdBy}`}
                <ActionForm action={deleteElectionAction} submitLabel="지우기" danger confirmMessage={`'${election.name}'을 지우면 그 기간의 제한이 풀립니다. 계속할까요?`}>
                  <input type="hidden" name="electionId" value={election.id} />
                </ActionForm>
              </li>
            ))}
          </ul>
        )}
      </section>
    </>
  );
}
