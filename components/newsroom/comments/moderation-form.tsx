"use client";
// The moderation queue's form: the rows (rendered on the server) carry checkboxes; the toolbar
// acts on the checked ones, and each row's own buttons act on that row alone. The pressed button
// goes along with the form data (FormData's submitter), so one server action serves them all.
import { startTransition, useActionState, useRef, type ReactNode } from "react";
import { IDLE, type ActionState } from "@/lib/actions/action-state";
import { BAN_PERIODS } from "@/lib/comments/ban-periods";

export function ModerationForm({ action, children, canBan }: { action: (state: ActionState, formData: FormData) => Promise<ActionState>; children: ReactNode; canBan: boolean }) {
  const [state, dispatch, pending] = useActionState(action, IDLE);
  const formRef = useRef<HTMLFormElement>(null);
  const toggleAll = (checked: boolean) => {
    formRef.current?.querySelectorAll<HTMLInputElement>('input[name="ids"]').forEach((box) => {
      box.checked = checked;
    });
  };
  return (
    <form
      ref={formRef}
      className="moderation"
      onSubmit={(event) => {
        event.preventDefault();
        const submitter = (event.nativeEvent as SubmitEvent).submitter;
        const value = submitter instanceof HTMLButtonElement ? submitter.value : "";
        if ((value === "delete" || value.startsWith("delete:")) && !window.confirm("삭제한 댓글은 독자에게 다시 보이지 않습니다. 삭제할까요?")) return;
        const formData = new FormData(event.currentTarget, submitter);
        startTransition(() => dispatch(formData));
      }}
    >
      <div className="moderation__toolbar">
        <label className="moderation__all">
          <input type="checkbox" onChange={(event) => toggleAll(event.currentTarget.checked)} aria-label="모두 선택" /> 모두 선택
        </label>
        <span className="moderation__label">고른 댓글을</span>
        <button type="submit" name="action" value="hide" disabled={pending} className="button--secondary">
          숨기기
        </button>
        <button type="submit" name="action" value="restore" disabled={pending} className="button--secondary">
          게시
        </button>
        <button type="submit" name="action" value="delete" disabled={pending} className="button--danger">
          삭제
        </button>
        {canBan && (
          <span className="moderation__ban">
            <select name="days" defaultValue="7" aria-label="차단 기간">
              {BAN_PERIODS.map((period) => (
                <option key={period.days} value={period.days}>
                  {period.label}
                </option>
              ))}
            </select>
            <input name="reason" placeholder="차단 사유" maxLength={200} aria-label="차단 사유" />
            <label>
              <input type="checkbox" name="hideComments" defaultChecked /> 댓글도 숨김
            </label>
            <button type="submit" name="action" value="ban" disabled={pending} className="button--danger">
              작성자 차단
            </button>
          </span>
        )}
      </div>
      {state.status === "error" && (
        <p className="form__error" role="alert">
          {state.message}
        </p>
      )}
      {state.status === "ok" && (
        <p className="form__ok" role="status">
          {state.message}
        </p>
      )}
      {children}
    </form>
  );
}
