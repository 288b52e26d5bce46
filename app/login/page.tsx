import type { Metadata } from "next";
import { redirect } from "next/navigation";
import { DemoAccounts } from "@/components/auth/demo-accounts";
import { LoginForm } from "@/components/auth/login-form";
import { demoSignInHint } from "@/lib/auth/demo-sign-in";
import { safeCallbackUrl } from "@/lib/auth/safe-callback-url";
import { getCurrentStaff } from "@/lib/auth/session";
import { siteName } from "@/lib/config/site";
import { singleParam } from "@/lib/schemas/common";

export const metadata: Metadata = { title: "로그인" };

interface Props {
  searchParams: Promise<Record<"callbackUrl" | "reason" | "error", string | string[] | undefined>>;
}

const REASONS: Record<string, string> = {
  "signed-out": "로그인이 필요합니다. 세션이 끝났거나 계정 상태가 바뀌었습니다.",
  "password-changed": "비밀번호를 바꿨습니다. 새 비밀번호로 다시 로그인하세요.",
};

export default async function LoginPage({ searchParams }: Props) {
  const params = await searchParams;
  const callbackUrl = safeCallbackUrl(singleParam(params.callbackUrl));
  const reason = singleParam(params.reason);
  if (await getCurrentStaff()) redirect(callbackUrl);
  return (
    <main className="login">
      <h1 className="login__brand">{siteName} 뉴스룸</h1>
      {reason && Object.hasOwn(REASONS, reason) && <p className="notice">{REASONS[reason]}</p>}
      <LoginForm callbackUrl={callbackUrl} />
      <DemoAccounts hint={demoSignInHint()} />
    </main>
  );
}
