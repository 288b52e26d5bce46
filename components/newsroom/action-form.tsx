"use client";
// A form bound to a newsroom server action. It dispatches the action itself instead of using
// <form action>, because React resets a form after such an action runs and a reporter must
// never lose what they typed when the server refuses it.
import { startTransition, useActionState, useEffect, useRef, type ReactNode } from "react";
import { IDLE, type ActionState } from "@/lib/actions/action-state";

export function ActionForm({
  action,
  submitLabel,
  children,
  className = "form",
  danger = false,
  confirmMessage,
  resetOnSuccess = false,
}: {
  action: (state: ActionState, formData: FormData) => Promise<ActionState>;
  submitLabel: string;
  children?: ReactNode;
  className?: string;
  danger?: boolean;
  confirmMessage?: string;
  /** Clear the fields once the server accepted them (forms that create something). */
  resetOnSuccess?: boolean;
}) {
  const [state, dispatch, pending] = useActionState(action, IDLE);
  const formRef = useRef<HTMLFormElement>(null);
  useEffect(() => {
    if (resetOnSuccess && state.status === "ok") formRef.current?.reset();
  }, [state, resetOnSuccess]);
  return (
    <form
      ref={formRef}
      className={className}
      onSubmit={(event) => {
        event.preventDefault();
        if (confirmMessage && !window.confirm(confirmMessage)) return;
        const formData = new FormData(event.currentTarget);
        startTransition(() => dispatch(formData));
      }}
    >
      {children}
      {state.status === "error" && (
        <div className="form__error" role="alert">
          <p>{state.message}</p>
          {state.fieldErrors && Object.keys(state.fieldErrors).length > 1 && (
            <ul>
              {Object.entries(state.fieldErrors).map(([field, message]) => (
                <li key={field}>{message}</li>
              ))}
            </ul>
          )}
        </div>
      )}
      {state.status === "ok" && (
        <div role="status">
          <p className="form__ok">{state.message}</p>
          {state.secret && (
            <p className="notice notice--secret">
              {state.secretNote ?? "이 비밀번호는 지금 한 번만 보입니다. 본인에게 안전하게 전달하세요:"} <code data-testid="one-time-secret">{state.secret}</code>
            </p>
          )}
        </div>
      )}
      <div>
        <button type="submit" disabled={pending} className={danger ? "button--danger" : undefined}>
          {pending ? "처리 중…" : submitLabel}
        </button>
      </div>
    </form>
  );
}
