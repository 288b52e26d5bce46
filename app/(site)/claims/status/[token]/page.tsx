import type { Metadata } from "next";
import { notFound } from "next/navigation";
import "@/components/claims/claims.css";
import { SupplementForm } from "@/components/claims/supplement-form";
import { CLAIM_KIND_KO, CLAIM_STATUS_KO, MEDIATION_OUTCOMES, REJECTION_GROUNDS, type MediationOutcome, type RejectionGround } from "@/lib/claims/claim-kinds";
import { getClaimStatus } from "@/lib/claims/claim-public";
import { DESK_ACTION_KO, type DeskAction } from "@/lib/claims/claim-rules";
import { DomainError } from "@/lib/errors";
import { formatKstMinute, toKstIso } from "@/lib/format/korean-time";

// The address is the only key to the page: never indexed, never sent on as a referrer, never cached
// (the response cache leaves /claims alone: server/response-cache/request-rules.ts).
export const metadata: Metadata = { title: "청구 처리 상황", robots: { index: false, follow: false }, referrer: "no-referrer" };

interface Props {
  params: Promise<{ token: string }>;
}

const STEP_KO: Record<string, string> = { receive: "접수", supplement: "청구인 보완", publish: "정정·반론 게재", ...DESK_ACTION_KO };

function Time({ at }: { at: Date }) {
  return <time dateTime={toKstIso(at)}>{formatKstMinute(at)}</time>;
}

/** The claimant's private status page: only with the token from their receipt link. */
export default async function ClaimStatusPage({ params }: Props) {
  const { token } = await params;
  const claim = await getClaimStatus(token).catch((error: unknown) => {
    if (error instanceof DomainError && error.code === "NOT_FOUND") notFound();
    throw error;
  });
  const answeredInTime = claim.answeredAt ? claim.answeredAt.getTime() <= claim.replyDueAt.getTime() : null;
  return (
    <div className="claim-page claim-status" data-testid="claim-status">
      <header className="list-heading">
        <p className="list-heading__kicker">권리구제 · 접수 확인</p>
        <h1 className="list-heading__title">
          접수번호 <span data-testid="receipt-number">{claim.receiptNumber}</span>
        </h1>
        <p className="claim-status__keep">이 페이지 주소가 접수 확인의 열쇠입니다. 다른 사람에게 알리지 말고 보관해 주세요. 주소를 잃으면 전화나 이메일로 접수번호를 알려 주세요.</p>
      </header>

      <dl className="claim-status__facts">
        <div>
          <dt>종류</dt>
          <dd>{CLAIM_KIND_KO[claim.kind]}</dd>
        </div>
        <div>
          <dt>상태</dt>
          <dd>
            <strong className={`claim-badge claim-badge--${claim.status.toLowerCase()}`} data-testid="claim-status-label">
              {CLAIM_STATUS_KO[claim.status]}
            </strong>
          </dd>
        </div>
        <div>
          <dt>대상 보도</dt>
          <dd>{claim.storyHeadline ? claim.storyPath ? <a href={claim.storyPath}>{claim.storyHeadline}</a> : claim.storyHeadline : (claim.storyReference ?? "(기사를 특정하지 못함)")}</dd>
        </div>
        <div>
          <dt>접수</dt>
          <dd>
            <Time at={claim.receivedAt} />
          </dd>
        </div>
        <div>
          <dt>{claim.kind === "TAKEDOWN" ? "처리 기한" : "수용 여부 통지 기한"}</dt>
          <dd>
            <Time at={claim.replyDueAt} /> {claim.kind !== "TAKEDOWN" && <small>(언론중재법 제15조 제2항)</small>}
            {answeredInTime !== null && <span> · {answeredInTime ? "기한 안에 회신함" : "기한을 넘겨 회신함"}</span>}
          </dd>
        </div>
        {claim.publishDueAt && (claim.status === "ACCEPTED" || claim.status === "PUBLISHED") && (
          <div>
            <dt>게재 기한</dt>
            <dd>
              <Time at={claim.publishDueAt} /> <small>(제15조 제3항)</small>
            </dd>
          </div>
        )}
        {claim.publishedAt && (
          <div>
            <dt>게재</dt>
            <dd data-testid="claim-published">
              <Time at={claim.publishedAt} /> {claim.publishedOnTime !== null && (claim.publishedOnTime ? "· 기한 안에 게재" : "· 기한을 넘겨 게재")}
              {claim.correction && (
                <p className="claim-status__correction">
                  [{claim.correction.type === "REPLY" ? "반론" : "정정"}] {claim.correction.note}
                </p>
              )}
              {claim.publicationNote && <p className="claim-status__correction">{claim.publicationNote}</p>}
            </dd>
          </div>
        )}
        {claim.mediationCaseNumber && (
          <div>
            <dt>언론중재위원회</dt>
            <dd>
              사건번호 {claim.mediationCaseNumber}
              {claim.mediationOutcome && ` · ${MEDIATION_OUTCOMES[claim.mediationOutcome as MediationOutcome] ?? claim.mediationOutcome}`}
            </dd>
          </div>
        )}
      </dl>

      {claim.deskMessage && (
        <section className="claim-status__message" aria-labelledby="desk-message-heading">
          <h2 id="desk-message-heading">{siteNameWords(claim.status)}</h2>
          <p data-testid="desk-message">{claim.deskMessage}</p>
          {claim.rejectionGrounds.length > 0 && (
            <ul>
              {claim.rejectionGrounds.map((ground) => (
                <li key={ground}>{REJECTION_GROUNDS[ground as RejectionGround] ?? ground}</li>
              ))}
            </ul>
          )}
          {claim.status === "REJECTED" && <p className="claim-form__hint">거부에 동의하지 않으시면 언론중재위원회에 조정을 신청하실 수 있습니다 (언론중재법 제18조).</p>}
        </section>
      )}

      {claim.canSupplement && <SupplementForm token={token} asked={claim.status === "INFO_REQUESTED"} />}

      <section aria-labelledby="history-heading">
        <h2 id="history-heading">처리 기록</h2>
        <ol className="claim-status__history">
          {claim.history.map((step, index) => (
            <li key={index}>
              <Time at={step.at} /> {STEP_KO[step.action as DeskAction] ?? step.action} → {CLAIM_STATUS_KO[step.toStatus]}
              {step.note && <p>{step.note}</p>}
            </li>
          ))}
        </ol>
      </section>

      {claim.submitted ? (
        <details className="claim-status__submitted">
          <summary>보내신 청구 내용</summary>
          <h3>문제가 된 보도 내용</h3>
          <p>{claim.submitted.disputedPassage}</p>
          <h3>요청</h3>
          <p>{claim.submitted.requestedText}</p>
          <h3>이유</h3>
          <p>{claim.submitted.reason}</p>
          <p className="claim-form__hint">첨부 파일 {claim.attachments}개</p>
        </details>
      ) : (
        claim.purged && <p className="claim-form__hint">보유 기간이 지나 청구인의 개인정보와 청구 내용, 첨부 파일을 파기했습니다.</p>
      )}
    </div>
  );
}

function siteNameWords(status: string): string {
  if (status === "REJECTED") return "거부 이유";
  if (status === "INFO_REQUESTED") return "보완 요청";
  return "편집국의 회신";
}
