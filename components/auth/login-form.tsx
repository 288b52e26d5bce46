"use client";

import { signIn } from "next-auth/react";
import { useState, type FormEvent } from "react";

const LOCKED_PREFIX = "LOCKED:";

function messageFor(error: string): string {
  if (error.startsWith(LOCKED_PREFIX)) {
    const minutes = Number(error.slice(LOCKED_PREFIX.length)) || 15;
    return `로그인 시도가 너무 많아 잠시 막혔습니다. ${minutes}분 뒤에 다시 시도하세요. 급하면 관리자에게 비밀번호 초기화를 요청하세요.`;
  }
  if (error === "CredentialsSignin") return "이메일 또는 비밀번호가 올바르지 않습니다.";
  return "로그인하지 못했습니다. 잠시 뒤 다시 시도하세요.";
}

export function LoginForm({ callbackUrl }: { callbackUrl: string }) {
  const [error, setError] = useState<string | null>(null);
  const [pending, setPending] = useState(false);

  async function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    setPending(true);
    setError(null);
    try {
      const result = await signIn("credentials", {
        email: String(form.get("email") ?? ""),
        password: String(form.get("password") ?? ""),
        redirect: false,
        callbackUrl,
      });
      if (result?.ok && !result.error) {
        window.location.assign(callbackUrl);
        return;
      }
      setError(messageFor(result?.error ?? ""));
    } catch {
      setError("서버에 연결하지 못했습니다. 네트워크를 확인한 뒤 다시 시도하세요.");
    } finally {
      setPending(false);
    }
  }

  return (
    <form className="form login__form" onSubmit={onSubmit} noValidate>
      <label>
        이메일
        <input name="email" type="email" autoComplete="username" required autoFocus />
      </label>
      <label>
        비밀번호
        <input name="password" type="password" autoComplete="current-password" required />
      </label>
      {error && (
        <p className="form__error" role="alert">
          {error}
        </p>
      )}
      <button type="submit" disabled={pending}>
        {pending ? "로그인 중…" : "로그인"}
      </button>
    </form>
  );
}
