import type { Metadata } from "next";
import { SubscriptionNotice, TokenForm } from "@/components/subscriptions/subscription-page";

export const metadata: Metadata = { title: "구독 해지", robots: { index: false } };

interface Props {
  searchParams: Promise<{ token?: string | string[]; result?: string | string[] }>;
}

/** Opened from any reader's mail: one press ends the subscription (opening the link alone does nothing). */
export default async function UnsubscribePage({ searchParams }: Props) {
  const { token, result } = await searchParams;
  if (result === "done") {
    return (
      <SubscriptionNotice title="구독을 해지했습니다">
        <p role="status">더는 메일을 보내지 않습니다. 이 구독의 이메일 주소도 지웠습니다.</p>
      </SubscriptionNotice>
    );
  }
  if (result === "invalid" || typeof token !== "string" || token === "") {
    return (
      <SubscriptionNotice title="구독 해지">
        <p role="status">링크가 올바르지 않습니다. 받은 메일의 &lsquo;구독 해지&rsquo; 링크를 그대로 여세요.</p>
      </SubscriptionNotice>
    );
  }
  return (
    <SubscriptionNotice title="구독 해지">
      <p>아래 단추를 누르면 이 메일을 더 보내지 않고, 이메일 주소도 지웁니다.</p>
      <TokenForm
        action="/api/subscriptions/unsubscribe"
        token={token}
        label="구독 해지"
        extra={
          <label>
            <input type="checkbox" name="everything" value="1" /> 이 주소의 다른 구독(뉴스레터·기자 구독)도 모두 해지
          </label>
        }
      />
    </SubscriptionNotice>
  );
}
