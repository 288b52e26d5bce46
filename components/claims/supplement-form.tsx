"use client";
// The claimant's answer to the desk's question, from the private status page. Uncontrolled
// textarea (a Korean IME composes undisturbed); the page reloads to show the answer in the history.
import { useRef, useState } from "react";
import { CLAIM_TEXT_LIMITS } from "@/lib/claims/claim-kinds";

export function SupplementForm({ token, asked }: { token: string; asked: boolean }) {
  const textRef = useRef<HTMLTextAreaElement>(null);
  const [pending, setPending] = useState(false);
  const [message, setMessage] = useState<string | null>(null);
  return (
    <form
      className="claim-supplement"
      onSubmit={(event) => {
        event.preventDefault();
        setPending(true);
        setMessage(null);
        void fetch("/api/v1/claims/supplement", { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify({ token, text: textRef.current?.value ?? "" }) })
          .then(async (response) => {
            if (response.ok) return window.location.reload();
            const body = (await response.json().catch(() => null)) as { error?: { message?: string } } | null;
            setMessage(body?.error?.message ?? "보내지 못했습니다. 잠시 뒤 다시 보내 주세요.");
          })
          .catch(() => setMessage("인터넷 연결을 확인한 뒤 다시 보내 주세요. 쓴 내용은 그대로 있습니다."))
          .finally(() => setPending(false));
      }}
    >
      <label className="claim-form__field">
        <span>{asked ? "요청받은 내용에 답하기" : "청구 내용 보태기"}</span>
        <textarea ref={textRef} name="text" rows={4} maxLength={CLAIM_TEXT_LIMITS.supplement} required />
      </label>
      {message && (
        <p className="claim-form__message" role="alert">
          {message}
        </p>
      )}
      <button type="submit" className="claim-form__submit" disabled={pending}>
        {pending ? "보내는 중…" : "보내기"}
      </button>
    </form>
  );
}
