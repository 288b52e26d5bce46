import Link from "next/link";
import { ActionForm } from "@/components/newsroom/action-form";
import { TakedownTarget } from "@/components/newsroom/takedowns/takedown-target";
import { loadForPage } from "@/lib/actions/page-guard";
import { requireStaffPage } from "@/lib/auth/session";
import { getTakedownTarget } from "@/lib/takedowns/takedown-queries";
import { MAX_TAKEDOWN_DAYS, TAKEDOWN_REASON_KO, TAKEDOWN_REASONS } from "@/lib/takedowns/takedown-rules";
import { applyTakedownAction } from "../actions";
import "@/components/newsroom/takedowns/takedowns.css";

interface Props {
  /** ?article=12 or ?comment=34, and optionally &claim=R-2026-0001 (the claims desk links here). */
  searchParams: Promise<{ article?: string; comment?: string; claim?: string }>;
}

const idParam = (value: string | undefined) => (value && /^\d{1,9}$/.test(value) ? Number(value) : undefined);

export default async function NewTakedownPage({ searchParams }: Props) {
  const staff = await requireStaffPage();
  const query = await searchParams;
  const commentId = idParam(query.comment);
  const articleId = commentId === undefined ? idParam(query.article) : undefined;
  if (articleId === undefined && commentId === undefined) {
    return (
      <>
        <h1>임시조치</h1>
        <p className="notice">막을 기사나 댓글을 고르세요: 기사 검토 화면의 &lsquo;임시조치&rsquo; 또는 댓글 관리의 &lsquo;임시조치&rsquo; 링크로 오면 됩니다.</p>
      </>
    );
  }
  const target = await loadForPage(() => getTakedownTarget(staff, { articleId, commentId }));
  const claim = typeof query.claim === "string" ? query.claim.slice(0, 40) : "";
  return (
    <>
      <p>
        <Link href="/newsroom/takedowns">← 임시조치 목록</Link>
      </p>
      <h1>{target.comment ? "댓글 임시조치" : "기사 임시조치"}</h1>
      <section className="takedown-card">
        <TakedownTarget target={target} />
        {!target.comment && !target.live && <p className="form__error">독자에게 공개되지 않은 기사입니다. 막을 것이 없습니다.</p>}
      </section>
      <section className="panel">
        <ActionForm action={applyTakedownAction} submitLabel="임시조치하기" danger confirmMessage="독자에게 안내문만 보이게 됩니다. 계속할까요?">
          {target.comment ? <input type="hidden" name="commentId" value={target.comment.id} /> : <input type="hidden" name="articleId" value={target.articleId} />}
          <label>
            사유 (독자에게 보이는 분류)
            <select name="reason" defaultValue="OTHER_RIGHTS" required>
              {TAKEDOWN_REASONS.map((reason) => (
                <option key={reason} value={reason}>
                  {TAKEDOWN_REASON_KO[reason]}
                </option>
              ))}
            </select>
          </label>
          <label>
            기간 (일)
            <input type="number" name="days" min={1} max={MAX_TAKEDOWN_DAYS} defaultValue={MAX_TAKEDOWN_DAYS} required inputMode="numeric" />
            <span className="form__hint">정보통신망법 제44조의2 제4항: {MAX_TAKEDOWN_DAYS}일 이내. 끝나면 저절로 다시 보입니다.</span>
          </label>
          <label>
            청구 접수번호 <span className="form__hint">(있으면)</span>
            <input name="claimReference" defaultValue={claim} maxLength={40} placeholder="예: R-2026-0001" />
          </label>
          <label>
            데스크 메모 <span className="form__hint">(독자에게 보이지 않습니다)</span>
            <textarea name="note" maxLength={2000} rows={3} />
          </label>
        </ActionForm>
      </section>
    </>
  );
}
