import Link from "next/link";
import { notFound } from "next/navigation";
import type { ReactNode } from "react";
import "@/components/newsroom/desk/desk.css";
import "@/components/newsroom/claims/claims-desk.css";
import { ActionForm } from "@/components/newsroom/action-form";
import { ClaimClockView } from "@/components/newsroom/claims/claim-clock";
import { loadForPage } from "@/lib/actions/page-guard";
import { parseArticleId } from "@/lib/articles/article-id";
import { requireStaffPage } from "@/lib/auth/session";
import { CLAIM_KIND_HELP, CLAIM_KIND_KO, CLAIM_RELATIONS, CLAIM_STATUS_KO, MEDIATION_OUTCOMES, REJECTION_GROUNDS, type ClaimRelation, type MediationOutcome, type RejectionGround } from "@/lib/claims/claim-kinds";
import { correctionFlowHref, takedownActionHref } from "@/lib/claims/claim-links";
import { getClaimForDesk, type ClaimDetail } from "@/lib/claims/claim-queue";
import { DESK_ACTION_KO, type DeskAction } from "@/lib/claims/claim-rules";
import { formatKstDateTime, formatKstMinute } from "@/lib/format/korean-time";
import { claimDecisionAction, flagClaimStoryAction } from "../actions";

interface Props {
  params: Promise<{ id: string }>;
}

const STEP_KO: Record<string, string> = { receive: "접수", supplement: "청구인 보완", publish: "정정·반론 게재로 종결", flag: "기사 표시·댓글", ...DESK_ACTION_KO };

function Hidden({ claimId, action }: { claimId: number; action?: DeskAction }) {
  return (
    <>
      <input type="hidden" name="claimId" value={claimId} />
      {action && <input type="hidden" name="action" value={action} />}
    </>
  );
}

/** One desk action's panel: its form, bound to the decision action with the claim and the action named. */
function DecisionPanel(props: { claimId: number; action: DeskAction; title: string; submitLabel: string; danger?: boolean; confirmMessage?: string; children: ReactNode }) {
  return (
    <div className="panel">
      <h3>{props.title}</h3>
      <ActionForm action={claimDecisionAction} submitLabel={props.submitLabel} danger={props.danger} confirmMessage={props.confirmMessage}>
        <Hidden claimId={props.claimId} action={props.action} />
        {props.children}
      </ActionForm>
    </div>
  );
}

/** The desk's words that go with a decision (to the claimant, or a note). */
function MessageField({ label, required = false, rows = 2, placeholder }: { label: string; required?: boolean; rows?: number; placeholder?: string }) {
  return (
    <label>
      {label}
      <textarea name="message" rows={rows} maxLength={2000} required={required} placeholder={placeholder} />
    </label>
  );
}

/** The form for each desk action the claim's state allows now (lib/claims/claim-rules.ts). */
function DecisionForms({ claim }: { claim: ClaimDetail }) {
  const allowed = new Set(claim.actionsAvailable);
  const takedown = claim.kind === "TAKEDOWN";
  const id = claim.id;
  return (
    <>
      {allowed.has("accept") && (
        <DecisionPanel claimId={id} action="accept" title={takedown ? "요청 수용" : "청구 수용"} submitLabel="수용">
          <MessageField label="청구인에게 보낼 글 (선택)" rows={3} placeholder={takedown ? "예: 해당 댓글을 30일간 임시조치했습니다." : "예: 정정보도를 기한 안에 싣겠습니다."} />
        </DecisionPanel>
      )}
      {allowed.has("reject") && (
        <DecisionPanel claimId={id} action="reject" title="거부" submitLabel="거부" danger confirmMessage="이 청구를 거부할까요? 거부 이유가 청구인에게 보입니다.">
          {!takedown && (
            <fieldset className="claim-grounds">
              <legend>거부 사유 (언론중재법 제15조 제4항)</legend>
              {Object.entries(REJECTION_GROUNDS).map(([value, label]) => (
                <label key={value}>
                  <input type="checkbox" name="grounds" value={value} /> {label}
                </label>
              ))}
            </fieldset>
          )}
          <MessageField label="청구인에게 보낼 거부 이유" required rows={3} />
        </DecisionPanel>
      )}
      {allowed.has("request-info") && (
        <DecisionPanel claimId={id} action="request-info" title="보완 요청" submitLabel="보완 요청">
          <MessageField label="청구인에게 물을 내용" required rows={3} />
          <span className="form__hint">보완을 요청해도 회신 기한(제15조 제2항)은 그대로 흐릅니다.</span>
        </DecisionPanel>
      )}
      {allowed.has("mediate") && (
        <DecisionPanel claimId={id} action="mediate" title="언론중재위원회 조정" submitLabel="조정 접수 기록">
          <label>
            사건번호
            <input name="caseNumber" maxLength={60} required placeholder="예: 2026서울조정123" />
          </label>
          <MessageField label="메모 (선택)" />
        </DecisionPanel>
      )}
      {allowed.has("mediation-outcome") && (
        <DecisionPanel claimId={id} action="mediation-outcome" title="조정 결과" submitLabel="결과 기록">
          <label>
            결과
            <select name="outcome" required defaultValue="">
              <option value="" disabled>
                고르세요
              </option>
              {Object.entries(MEDIATION_OUTCOMES).map(([value, label]) => (
                <option key={value} value={value}>
                  {label}
                </option>
              ))}
            </select>
          </label>
          <MessageField label="메모 (선택)" />
        </DecisionPanel>
      )}
      {allowed.has("record-publication") && (
        <DecisionPanel claimId={id} action="record-publication" title="다른 곳에 게재한 경우" submitLabel="게재 기록">
          <label>
            게재한 곳 (후속 기사 주소 등)
            <input name="note" maxLength={500} required />
          </label>
        </DecisionPanel>
      )}
      {allowed.has("withdraw") && (
        <DecisionPanel claimId={id} action="withdraw" title="취하" submitLabel="취하 처리" confirmMessage="청구인이 취하했나요? 청구가 끝납니다.">
          <MessageField label="어떻게 취하했는지 (선택)" placeholder="예: 12월 8일 전화로 취하 의사를 밝힘" />
        </DecisionPanel>
      )}
    </>
  );
}

/** One claim at the rights desk: the claimant's request, the evidence, the clocks, the history and the actions. */
export default async function ClaimPage({ params }: Props) {
  const staff = await requireStaffPage();
  const id = parseArticleId((await params).id);
  if (id === null) notFound();
  const now = new Date();
  const claim = await loadForPage(() => getClaimForDesk(staff, id, now));
  const evidence = claim.evidence;
  const takedownHref = claim.kind === "TAKEDOWN" && claim.closedAt === null ? takedownActionHref(claim) : null;
  const bylines = Array.isArray(evidence?.bylines) ? (evidence.bylines as { name?: string; title?: string }[]) : [];
  return (
    <div data-testid="claim-page">
      <p>
        <Link href="/newsroom/claims">← 권리구제 청구</Link>
      </p>
      <div className="desk-title-row">
        <h1>
          {CLAIM_KIND_KO[claim.kind]} <span data-testid="claim-receipt">{claim.receiptNumber}</span>
        </h1>
        <p className="actions-row">
          <a className="button button--secondary" href={`/newsroom/claims/${claim.id}/export`} data-testid="claim-export">
            언론중재위원회 제출용 내려받기 (HTML)
          </a>
        </p>
      </div>
      <p className="review-meta">
        <span className="badge" data-testid="claim-state">
          {CLAIM_STATUS_KO[claim.status]}
        </span>
        <span>{CLAIM_KIND_HELP[claim.kind].law}</span>
        <span>접수 {formatKstDateTime(claim.receivedAt)}</span>
        <ClaimClockView clock={claim.runningClock} />
      </p>

      <div className="claim-detail">
        <div>
          <section className="desk-section">
            <h2>기한</h2>
            <dl className="claim-facts">
              <dt>{claim.kind === "TAKEDOWN" ? "처리 기한" : "회신 기한"}</dt>
              <dd>
                {formatKstMinute(claim.replyDueAt)} · {claim.answeredAt ? `${formatKstMinute(claim.answeredAt)} 회신 (${claim.replyClock.overdue ? "기한 넘김" : "기한 안"})` : claim.replyClock.text}
              </dd>
              {claim.publishDueAt && claim.publishClock && (
                <>
                  <dt>게재 기한</dt>
                  <dd>
                    {formatKstMinute(claim.publishDueAt)}
                    {claim.publishedAt ? ` · ${formatKstMinute(claim.publishedAt)} 게재 (${claim.publishClock.overdue ? "기한 넘김" : "기한 안"})` : claim.status === "ACCEPTED" ? ` · ${claim.publishClock.text}` : ""}
                  </dd>
                </>
              )}
            </dl>
          </section>

          <section className="desk-section">
            <h2>청구인</h2>
            {claim.purgedAt ? (
              <p className="desk-empty">보유 기간이 지나 {formatKstMinute(claim.purgedAt)}에 개인정보를 파기했습니다.</p>
            ) : (
              <dl className="claim-facts" data-testid="claimant">
                <dt>이름</dt>
                <dd>{claim.claimantName}</dd>
                <dt>연락처</dt>
                <dd>{[claim.claimantEmail, claim.claimantPhone].filter(Boolean).join(" · ")}</dd>
                {claim.claimantAddress && (
                  <>
                    <dt>주소</dt>
                    <dd>{claim.claimantAddress}</dd>
                  </>
                )}
                <dt>보도와의 관계</dt>
                <dd>
                  {CLAIM_RELATIONS[claim.relation as ClaimRelation] ?? claim.relation}
                  {claim.relationDetail && ` (${claim.relationDetail})`}
                </dd>
                <dt>동의</dt>
                <dd>
                  {formatKstMinute(claim.consentedAt)} · 보유 기간: 종결 뒤 {claim.retentionDays}일
                </dd>
              </dl>
            )}
          </section>

          {!claim.purgedAt && (
            <section className="desk-section">
              <h2>청구 내용</h2>
              <dl className="claim-facts">
                {claim.storyReference && (
                  <>
                    <dt>기사 (청구인이 적은 것)</dt>
                    <dd>{claim.storyReference}</dd>
                  </>
                )}
                <dt>문제가 된 보도</dt>
                <dd>{claim.disputedPassage}</dd>
                <dt>{claim.kind === "TAKEDOWN" ? "요청하는 조치" : "청구 보도문"}</dt>
                <dd>{claim.requestedText}</dd>
                <dt>청구 이유</dt>
                <dd>{claim.reason}</dd>
                <dt>첨부</dt>
                <dd>
                  {claim.attachments.length === 0
                    ? "없음"
                    : claim.attachments.map((file) => (
                        <span key={file.id}>
                          <a href={`/newsroom/claims/${claim.id}/attachments/${file.id}`} data-testid="claim-attachment">
                            {file.fileName}
                          </a>{" "}
                          ({Math.max(1, Math.round(file.byteSize / 1024))}KB){" "}
                        </span>
                      ))}
                </dd>
              </dl>
            </section>
          )}

          <section className="desk-section">
            <h2>접수 당시 보도 (증거 사본)</h2>
            {evidence ? (
              <div className="claim-evidence" data-testid="claim-evidence">
                <p>
                  <strong>{evidence.headline}</strong>
                  {claim.article && (
                    <>
                      {" "}
                      · <Link href={`/newsroom/articles/${claim.article.id}`}>기사 검토 화면</Link>
                    </>
                  )}
                </p>
                {evidence.subHeadlines.length > 0 && <p>{evidence.subHeadlines.join(" / ")}</p>}
                <p className="desk-count">
                  {bylines.map((person) => `${person.name ?? ""} ${person.title ?? ""}`).join(", ")} · 기사승인 {evidence.approvedAt ? formatKstDateTime(evidence.approvedAt) : "-"}
                  {evidence.lastCorrectedAt && ` · 수정 ${formatKstDateTime(evidence.lastCorrectedAt)}`} · 사본 {formatKstDateTime(evidence.capturedAt)}
                </p>
                {evidence.commentBody !== null && (
                  <blockquote>
                    댓글 ({evidence.commentAuthor ?? "독자"}, {evidence.commentPostedAt ? formatKstMinute(evidence.commentPostedAt) : ""}): {evidence.commentBody}
                  </blockquote>
                )}
                <div className="claim-evidence__body">{evidence.bodyText}</div>
                <p className="claim-evidence__hash">
                  SHA-256 {evidence.sha256} · {claim.evidenceIntact ? "무결성 확인됨" : "해시가 맞지 않습니다"}
                </p>
              </div>
            ) : (
              <p className="desk-empty">청구인이 기사를 특정하지 못해 사본이 없습니다.</p>
            )}
          </section>

          <section className="desk-section">
            <h2>처리 기록</h2>
            <ol className="claim-history" data-testid="claim-history">
              {claim.actions.map((step) => (
                <li key={step.id}>
                  {formatKstDateTime(step.createdAt)} · {STEP_KO[step.action] ?? step.action} → {CLAIM_STATUS_KO[step.toStatus]} · {step.actor ? `${step.actor.name} ${step.actor.title}` : "청구인·시스템"}
                  {step.note && <p>{step.note}</p>}
                </li>
              ))}
            </ol>
            {claim.rejectionGrounds.length > 0 && (
              <p className="desk-count">거부 사유: {claim.rejectionGrounds.map((ground) => REJECTION_GROUNDS[ground as RejectionGround] ?? ground).join(", ")}</p>
            )}
            {claim.mediationCaseNumber && (
              <p className="desk-count">
                언론중재위원회 사건번호 {claim.mediationCaseNumber}
                {claim.mediationOutcome && ` · ${MEDIATION_OUTCOMES[claim.mediationOutcome as MediationOutcome] ?? claim.mediationOutcome}`}
              </p>
            )}
          </section>
        </div>

        <aside className="claim-actions" aria-label="처리">
          {claim.status === "ACCEPTED" && claim.kind !== "TAKEDOWN" && claim.article && (
            <div className="panel notice" data-testid="correction-flow">
              <h3>정정·반론 게재</h3>
              <p>
                기사를 고친 뒤 검토 화면에서 「{claim.kind === "REPLY" ? "반론" : "정정"}」으로 승인하면 이 청구가 게재 완료로 끝나고, 게재 시각이 기한과 함께 기록됩니다.
              </p>
              <p className="actions-row">
                <Link className="button" href={correctionFlowHref(claim.article.id)}>
                  편집기에서 고치기
                </Link>
                <Link className="button button--secondary" href={`/newsroom/articles/${claim.article.id}`}>
                  검토·승인 화면
                </Link>
              </p>
            </div>
          )}
          {claim.kind === "TAKEDOWN" && claim.article && (
            <div className="panel" data-testid="takedown-link">
              <h3>임시조치 (정보통신망법 제44조의2)</h3>
              {takedownHref ? (
                <p>
                  <Link href={takedownHref}>{claim.comment ? "이 댓글" : "이 기사"} 임시조치하기 (최대 30일)</Link>
                </p>
              ) : (
                <p className="desk-empty">끝난 요청입니다.</p>
              )}
            </div>
          )}
          {claim.closedAt === null && claim.article && (
            <div className="panel">
              <h3>기사 표시·댓글 (청구가 끝나면 저절로 풀립니다)</h3>
              <ActionForm action={flagClaimStoryAction} submitLabel="적용">
                <Hidden claimId={claim.id} />
                <label className="claim-grounds">
                  <span>
                    <input type="checkbox" name="label" defaultChecked={claim.labelShown} /> 제목 아래에 「청구가 접수된 기사입니다」 표시
                  </span>
                </label>
                <label className="claim-grounds">
                  <span>
                    <input type="checkbox" name="commentsClosed" defaultChecked={claim.closedComments} /> 처리하는 동안 댓글 닫기 (안내문과 함께)
                  </span>
                </label>
              </ActionForm>
            </div>
          )}
          <DecisionForms claim={claim} />
          {claim.actionsAvailable.length === 0 && <p className="desk-empty">끝난 청구입니다. 더 할 처리가 없습니다.</p>}
        </aside>
      </div>
    </div>
  );
}
