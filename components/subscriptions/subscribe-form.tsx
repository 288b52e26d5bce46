"use client";
// The reader's e-mail sign-up: the morning digest (site footer) or following a reporter (their
// page). A button first, the address field only when pressed: the cached page carries no state
// of the reader's. The answer is the same whatever the address (lib/subscriptions/subscriptions.ts).
import { useId, useState, type FormEvent } from "react";
import "./subscribe-form.css";

type Topic = { topic: "digest" } | { topic: "reporter"; reporterNumber: number };

interface Props {
  subscription: Topic;
  buttonLabel: string;
  /** One line above the address field: what the reader gets. */
  description: string;
}

type State = { status: "idle" | "sending" } | { status: "done" | "error"; message: string };

async function answerMessage(response: Response): Promise<string> {
  const body = (await response.json().catch(() => null)) as { message?: string; error?: { message?: string } } | null;
  return body?.message ?? body?.error?.message ?? "신청하지 못했습니다. 잠시 뒤 다시 시도하세요.";
}

export function SubscribeForm({ subscription, buttonLabel, description }: Props) {
  const [open, setOpen] = useState(false);
  const [state, setState] = useState<State>({ status: "idle" });
  const fieldId = useId();

  async function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const email = String(new FormData(event.currentTarget).get("email") ?? "");
    setState({ status: "sending" });
    try {
      const response = await fetch("/api/v1/subscriptions", { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify({ ...subscription, email }) });
      setState({ status: response.ok ? "done" : "error", message: await answerMessage(response) });
    } catch {
      setState({ status: "error", message: "인터넷 연결을 확인하고 다시 시도하세요." });
    }
  }

  if (!open) {
    return (
      <button type="button" className="subscribe__open" aria-expanded="false" onClick={() => setOpen(true)}>
        {buttonLabel}
      </button>
    );
  }
  return (
    <form className="subscribe" onSubmit={submit} noValidate={false}>
      <p className="subscribe__description">{description}</p>
      {state.status === "done" ? (
        <p className="subscribe__answer" role="status">
          {state.message}
        </p>
      ) : (
        <>
          <label htmlFor={fieldId} className="subscribe__label">
            이메일
          </label>
          <div className="subscribe__row">
            <input id={fieldId} name="email" type="email" required maxLength={254} autoComplete="email" inputMode="email" placeholder="reader@example.com" />
            <button type="submit" disabled={state.status === "sending"}>
              {state.status === "sending" ? "보내는 중…" : "구독 신청"}
            </button>
          </div>
          {state.status === "error" && (
            <p className="subscribe__error" role="alert">
              {state.message}
            </p>
          )}
          <p className="subscribe__hint">확인 메일의 &lsquo;구독 확인&rsquo;을 눌러야 구독이 시작됩니다. 주소는 이 메일을 보내는 데만 쓰고, 해지하면 바로 지웁니다.</p>
        </>
      )}
    </form>
  );
}
