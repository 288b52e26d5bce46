import Link from "next/link";
import { ActionForm } from "@/components/newsroom/action-form";
import { TakedownTarget } from "@/components/newsroom/takedowns/takedown-target";
import { loadForPage } from "@/lib/actions/page-guard";
import { requireStaffPage } from "@/lib/auth/session";
import { formatKstMinute } from "@/lib/format/korean-time";
import { listTakedowns, type TakedownOut } from "@/lib/takedowns/takedown-queries";
import { TAKEDOWN_REASON_KO } from "@/lib/takedowns/takedown-rules";
import { deleteTakedownTargetAction, restoreTakedownAction } from "./actions";
import "@/components/newsroom/takedowns/takedowns.css";

const ENDED_KO = { ACTIVE: "기간 끝남 (기록 중)", EXPIRED: "기간 끝나 복원", RESTORED: "조기 복원", DELETED: "삭제" } as const;

function Facts({ takedown }: { takedown: TakedownOut }) {
  return (
    <dl className="takedown-card__facts">
      <dt>사유</dt>
      <dd>{TAKEDOWN_REASON_KO[takedown.reason]}</dd>
      <dt>기간</dt>
      <dd>
        {formatKstMinute(takedown.startsAt)} ~ {formatKstMinute(takedown.endsAt)}
      </dd>
      <dt>청구 접수번호</dt>
      <dd>{takedown.claimReference ?? "-"}</dd>
      <dt>조치한 사람</dt>
      <dd>{takedown.createdBy}</dd>
      {takedown.note && (
        <>
          <dt>메모</dt>
          <dd>{takedown.note}</dd>
        </>
      )}
      {!takedown.inForce && (
        <>
          <dt>끝</dt>
          <dd>
            {ENDED_KO[takedown.status]}
            {takedown.endedAt && ` · ${formatKstMinute(takedown.endedAt)}`}
            {takedown.endedBy && ` · ${takedown.endedBy}`}
            {takedown.endNote && ` · ${takedown.endNote}`}
          </dd>
        </>
      )}
    </dl>
  );
}

export default async function TakedownsPage() {
  const staff = await requireStaffPage();
  const { inForce, ended } = await loadForPage(() => listTakedowns(staff));
  return (
    <>
      <h1>임시조치</h1>
      <p className="form__hint">
        권리를 침해당했다는 주장이 있는 기사나 댓글을 30일 이내로 독자에게서 가립니다(정보통신망법 제44조의2 제4항). 기간이 끝나면 저절로 다시 보이고, 그 전에 복원하거나 삭제할 수 있습니다. 새 임시조치는 기사 검토 화면이나 댓글 관리에서
        시작합니다.
      </p>

      <h2>진행 중 ({inForce.length})</h2>
      {inForce.length === 0 ? (
        <p className="panel">진행 중인 임시조치가 없습니다.</p>
      ) : (
        <ul className="takedowns__list" data-testid="takedowns-in-force">
          {inForce.map((takedown) => (
            <li key={takedown.id} className="takedown-card takedown-card--in-force" data-takedown-id={takedown.id}>
              <TakedownTarget target={takedown.target} />
              <Facts takedown={takedown} />
              <div className="takedown-card__actions">
                <ActionForm action={restoreTakedownAction} submitLabel="지금 복원" confirmMessage="기간이 끝나기 전에 다시 공개할까요?">
                  <input type="hidden" name="takedownId" value={takedown.id} />
                  <label>
                    복원 이유 <span className="form__hint">(선택)</span>
                    <input name="note" maxLength={2000} placeholder="예: 청구인이 요청을 거두었습니다" />
                  </label>
                </ActionForm>
                <ActionForm action={deleteTakedownTargetAction} submitLabel="삭제" danger confirmMessage="삭제하면 되돌릴 수 없습니다. 기사는 게재 중단되고 댓글은 삭제됩니다. 계속할까요?">
                  <input type="hidden" name="takedownId" value={takedown.id} />
                  <label>
                    삭제 이유
                    <input name="note" maxLength={2000} required placeholder="예: 권리침해가 인정되었습니다" />
                  </label>
                </ActionForm>
              </div>
            </li>
          ))}
        </ul>
      )}

      <h2>끝난 임시조치</h2>
      {ended.length === 0 ? (
        <p className="panel">아직 없습니다.</p>
      ) : (
        <ul className="takedowns__list" data-testid="takedowns-ended">
          {ended.map((takedown) => (
            <li key={takedown.id} className="takedown-card" data-takedown-id={takedown.id}>
              <TakedownTarget target={takedown.target} />
              <Facts takedown={takedown} />
            </li>
          ))}
        </ul>
      )}
      <p>
        <Link href="/newsroom/audit">보안 기록에서 모든 조치 보기 →</Link>
      </p>
    </>
  );
}
