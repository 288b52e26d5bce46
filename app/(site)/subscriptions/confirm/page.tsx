import type { Metadata } from "next";
import { SubscriptionNotice, TokenForm } from "@/components/subscriptions/subscription-page";

export const metadata: Metadata = { title: "구독 확인", robots: { index: false } };

interface Props {
  searchParams: Promise<{ token?: string | string[]; result?: string | string[] }>;
}

const RESULTS: Record<string, string> = {
  confirmed: "구독이 시작되었습니다. 메일마다 아래쪽에 있는 '구독 해지'로 언제든 그만 받을 수 있습니다.",
  "already-confirmed": "이미 구독 중입니다.",
  invalid: "확인 링크가 만료되었거나 이미 해지된 구독입니다. 처음부터 다시 신청해 주세요.",
};

/** Opened from the confirmation mail; the subscription starts only when the reader presses the button (mail scanners open links too). */
export default async function ConfirmSubscriptionPage({ searchParams }: Props) {
  const { token, result } = await searchParams;
  // Own keys only: "?result=toString" must not find Object.prototype's function (page fuzz found a 500).
  const said = typeof result === "string" && Object.hasOwn(RESULTS, result) ? RESULTS[result] : undefined;
  if (said) {
    return (
      <SubscriptionNotice title={result === "invalid" ? "확인하지 못했습니다" : "구독 확인"}>
        <p role="status">{said}</p>
      </SubscriptionNotice>
    );
  }
  if (typeof token !== "string" || token === "") {
    return (
      <SubscriptionNotice title="구독 확인">
        <p>확인 메일의 링크를 그대로 여세요.</p>
      </SubscriptionNotice>
    );
  }
  return (
    <SubscriptionNotice title="구독 확인">
      <p>아래 단추를 누르면 구독이 시작됩니다. 신청하지 않았다면 이 창을 닫으세요. 아무것도 보내지 않습니다.</p>
      <TokenForm action="/api/subscriptions/confirm" token={token} label="구독 확인" />
    </SubscriptionNotice>
  );
}
