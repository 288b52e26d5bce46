import { ActionForm } from "@/components/newsroom/action-form";
import { BreakingFields } from "@/components/newsroom/desk/breaking-fields";
import { PushFields, type PushFieldChoice } from "@/components/newsroom/desk/push-fields";
import type { PushNotification } from "@/lib/push/push-notification";
import type { TransitionAction, TransitionVerdict } from "@/lib/articles/workflow/transition-rules";
import { isBreakingAt } from "@/lib/breaking/breaking-rules";
import { formatKstMinute, toKstLocalInput } from "@/lib/format/korean-time";
import {
  approveArticleAction,
  cancelScheduleAction,
  endBreakingAction,
  rescheduleArticleAction,
  republishArticleAction,
  returnArticleAction,
  submitArticleAction,
  unpublishArticleAction,
  withdrawArticleAction,
} from "./actions";

interface Story {
  id: number;
  version: number;
  publishedAt: Date | null;
  /** Readers can see it now (an update is then 수정, 정정 or 반론). */
  visible: boolean;
  /** 속보: the banner's end, if one ever ran. */
  breakingUntil: Date | null;
  /** Entries in the story's update log so far. */
  updateLogEntries: number;
}

/** The thumb bar's word for each transition (the panel's heading says the rest). */
const SHORT_LABEL: Record<TransitionAction, string> = {
  submit: "데스크에 넘기기",
  withdraw: "회수",
  return: "돌려보내기",
  approve: "승인",
  schedule: "예약",
  reschedule: "예약 변경",
  cancelSchedule: "예약 취소",
  approveUpdate: "수정 승인",
  unpublish: "게재 중단",
  republish: "다시 게재",
};

/**
 * On a phone, the transitions the viewer may make now, in a bar at the bottom of the screen
 * (within a thumb's reach), each leading to its form; hidden where the forms sit beside the story.
 */
export function ReviewThumbBar({ verdicts }: { verdicts: TransitionVerdict[] }) {
  const allowed = verdicts.filter((verdict) => verdict.allowed);
  if (allowed.length === 0) return null;
  return (
    <nav className="review-thumb-bar" aria-label="처리 바로 가기" data-testid="review-thumb-bar">
      {allowed.map((verdict) => (
        <a key={verdict.action} href={`#action-${verdict.action}`}>
          {SHORT_LABEL[verdict.action]}
        </a>
      ))}
    </nav>
  );
}

/**
 * The buttons of the review screen, one form per transition the viewer may make now, drawn from
 * availableTransitions (the rule the workflow enforces); refused ones are listed with their reason.
 */
export function ReviewActions({
  story,
  verdicts,
  now,
  deskMayEndBreaking,
  push,
}: {
  story: Story;
  verdicts: TransitionVerdict[];
  now: Date;
  /** The viewer is the desk (the banner is theirs). */
  deskMayEndBreaking: boolean;
  /** The push choice on the approval forms (lib/push/story-push.ts); null while push is not set up. */
  push: { choices: PushFieldChoice[]; preview: { plain: PushNotification; breaking: PushNotification }; siteName: string } | null;
}) {
  const allowed = new Set(verdicts.filter((verdict) => verdict.allowed).map((verdict) => verdict.action));
  const refused = verdicts.filter((verdict): verdict is Extract<TransitionVerdict, { allowed: false }> => !verdict.allowed && verdict.refusal === "CONFLICT");
  const hidden = (
    <>
      <input type="hidden" name="articleId" value={story.id} />
      <input type="hidden" name="version" value={story.version} />
    </>
  );
  const minimum = toKstLocalInput(new Date(now.getTime() + 60_000));
  const panel = (action: TransitionAction, title: string, body: React.ReactNode) =>
    allowed.has(action) ? (
      <div className="panel" data-action={action} key={action} id={`action-${action}`}>
        <h3>{title}</h3>
        {body}
      </div>
    ) : null;

  return (
    <section className="review-actions" aria-label="처리">
      {allowed.size === 0 && <p className="desk-empty">지금 할 수 있는 처리가 없습니다.</p>}
      {panel("submit", "데스크에 넘기기", <ActionForm action={submitArticleAction} submitLabel="데스크에 넘기기">{hidden}</ActionForm>)}
      {panel(
        "withdraw",
        "회수 (승인 전에 되찾기)",
        <ActionForm action={withdrawArticleAction} submitLabel="회수" confirmMessage="데스크 대기열에서 빼고 작성 중으로 되돌립니다. 고친 뒤 다시 넘기면 됩니다. 계속할까요?">
          {hidden}
          <label>
            데스크에 남길 메모 (선택)
            <input name="note" maxLength={2000} />
          </label>
        </ActionForm>,
      )}
      {(allowed.has("approve") || allowed.has("schedule")) && (
        <div className="panel" data-action="approve" id="action-approve">
          <h3>승인</h3>
          <ActionForm action={approveArticleAction} submitLabel="승인">
            {hidden}
            <label id="action-schedule">
              예약 발행 시각 (한국 시각, 비우면 지금 발행)
              <input type="datetime-local" name="publishAt" min={minimum} step={60} data-testid="publish-at" />
            </label>
            {allowed.has("approve") && <BreakingFields updateLogEntries={story.updateLogEntries} />}
            {push && <PushFields {...push} />}
          </ActionForm>
        </div>
      )}
      {panel(
        "approveUpdate",
        story.visible ? "수정 승인 (독자에게 보이는 기사)" : "수정 승인 (발행 전)",
        <ActionForm action={approveArticleAction} submitLabel="수정 승인">
          {hidden}
          {story.visible && (
            <>
              <fieldset className="review-radio">
                <legend>정정 유형</legend>
                <label>
                  <input type="radio" name="correctionType" value="UPDATE" defaultChecked /> 수정 (알리지 않음)
                </label>
                <label>
                  <input type="radio" name="correctionType" value="CORRECTION" /> 정정
                </label>
                <label>
                  <input type="radio" name="correctionType" value="REPLY" /> 반론
                </label>
              </fieldset>
              <label>
                정정·반론 설명 (기사 끝과 정정 목록에 실립니다)
                <textarea name="correctionNote" maxLength={2000} />
              </label>
              <BreakingFields updateLogEntries={story.updateLogEntries} />
            </>
          )}
          {push && <PushFields {...push} />}
        </ActionForm>,
      )}
      {deskMayEndBreaking && story.breakingUntil && isBreakingAt(story.breakingUntil, now) && (
        <div className="panel review-breaking-now" data-action="endBreaking">
          <h3>속보 배너</h3>
          <p>
            모든 면에 속보 배너가 <strong>{formatKstMinute(story.breakingUntil)}</strong>(한국 시각)까지 떠 있습니다.
          </p>
          <ActionForm action={endBreakingAction} submitLabel="속보 배너 내리기" confirmMessage="모든 면에서 이 기사의 속보 배너를 지금 내립니다. 계속할까요?">
            <input type="hidden" name="articleId" value={story.id} />
          </ActionForm>
        </div>
      )}
      {panel(
        "reschedule",
        "예약 시각 바꾸기",
        <ActionForm action={rescheduleArticleAction} submitLabel="예약 시각 바꾸기">
          {hidden}
          <label>
            새 발행 시각 (한국 시각)
            <input type="datetime-local" name="publishAt" required min={minimum} step={60} defaultValue={story.publishedAt ? toKstLocalInput(story.publishedAt) : undefined} />
          </label>
        </ActionForm>,
      )}
      {panel(
        "cancelSchedule",
        "예약 취소",
        <ActionForm action={cancelScheduleAction} submitLabel="예약 취소" confirmMessage="예약을 취소하고 데스크 검토 대기로 되돌립니다. 계속할까요?">
          {hidden}
          <label>
            메모 (선택)
            <input name="note" maxLength={2000} />
          </label>
        </ActionForm>,
      )}
      {panel(
        "return",
        "돌려보내기",
        <ActionForm action={returnArticleAction} submitLabel="돌려보내기">
          {hidden}
          <label>
            기자에게 남길 메모
            <textarea name="note" required maxLength={2000} data-testid="return-note" />
          </label>
        </ActionForm>,
      )}
      {panel(
        "unpublish",
        "게재 중단",
        <ActionForm action={unpublishArticleAction} submitLabel="게재 중단" danger confirmMessage="이 기사를 사이트에서 내립니다. 계속할까요?">
          {hidden}
          <label>
            중단 사유
            <input name="reason" required maxLength={2000} />
          </label>
        </ActionForm>,
      )}
      {panel(
        "republish",
        "다시 게재",
        <ActionForm action={republishArticleAction} submitLabel="다시 게재">
          {hidden}
          <label>
            다시 게재하는 이유
            <input name="reason" required maxLength={2000} />
          </label>
        </ActionForm>,
      )}
      {refused.length > 0 && (
        <details className="review-refused">
          <summary>지금 할 수 없는 처리와 이유</summary>
          <ul>
            {refused.map((verdict) => (
              <li key={verdict.action}>
                <strong>{verdict.label}</strong>: {verdict.reason}
              </li>
            ))}
          </ul>
        </details>
      )}
    </section>
  );
}
