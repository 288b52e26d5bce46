import type { Metadata } from "next";
import "@/components/claims/claims.css";
import { ClaimForm } from "@/components/claims/claim-form";
import { parseArticleId } from "@/lib/articles/article-id";
import { CLAIM_KINDS } from "@/lib/claims/claim-kinds";
import { getClaimFormTarget } from "@/lib/claims/claim-public";
import { readClaimSettings } from "@/lib/claims/claim-settings";
import { publisher, siteName } from "@/lib/config/site";
import type { ClaimKind } from "@/lib/generated/prisma/enums";

export const metadata: Metadata = { title: "정정·반론보도 청구", robots: { index: false, follow: true } };

interface Props {
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}

const first = (value: string | string[] | undefined) => (Array.isArray(value) ? value[0] : value) ?? "";

/** "1,095일(약 3년)". */
function retentionText(days: number): string {
  const years = days / 365;
  return `${days.toLocaleString("ko-KR")}일${years >= 1 ? `(약 ${Math.round(years * 10) / 10}년)` : ""}`;
}

/**
 * The public claim form, linked from every story's foot (?article=) and each comment (?comment=).
 * A story or comment readers cannot see is not named (and nothing says why): the form then asks
 * for the story's title or address.
 */
export default async function NewClaimPage({ searchParams }: Props) {
  const params = await searchParams;
  const [target, settings] = await Promise.all([getClaimFormTarget(parseArticleId(first(params.article)), parseArticleId(first(params.comment))), readClaimSettings()]);
  const asked = first(params.kind) as ClaimKind;
  const defaultKind: ClaimKind = target?.comment ? "TAKEDOWN" : CLAIM_KINDS.includes(asked as (typeof CLAIM_KINDS)[number]) ? asked : "CORRECTION";
  return (
    <div className="claim-page">
      <header className="list-heading">
        <p className="list-heading__kicker">권리구제</p>
        <h1 className="list-heading__title">정정·반론보도 청구와 권리침해 신고</h1>
        <p>
          {siteName}의 보도로 피해를 입으셨다면 언론중재법에 따라 정정·반론·추후보도를 청구하실 수 있습니다. 기사나 댓글이 권리를 침해한다면 삭제나
          임시조치를 요청하실 수 있습니다. 접수하시면 접수번호와 처리 상황을 볼 수 있는 주소를 드립니다.
        </p>
        <p className="claim-page__law">
          언론사는 정정보도 청구를 받은 날부터 {settings.replyDays}일 안에 수용 여부를 알립니다 (언론중재법 제15조 제2항). 청구는 보도가 있음을 안 날부터 3개월, 보도 뒤 6개월 안에
          할 수 있습니다 (제14조). 우편({publisher.address})이나 이메일({publisher.email})로도 청구하실 수 있습니다.
        </p>
      </header>
      <ClaimForm target={target} retentionText={retentionText(settings.retentionDays)} defaultKind={defaultKind} />
    </div>
  );
}
