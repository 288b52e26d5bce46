import "server-only";
// One claim as a single self-contained HTML file for the 언론중재위원회 (or the paper's lawyer):
// the claim, the claimant (unless purged), the deadlines and when they were met, every step with
// who and when, the evidence snapshot with its SHA-256 and how to recompute it, and the
// attachments inside the file (images shown, PDFs as embedded downloads). It opens in any browser,
// prints, and needs nothing else. Every export is written to the audit log: it carries personal data.
import { recordAudit } from "@/lib/audit/record-audit";
import { assertCan } from "@/lib/auth/permissions";
import type { StaffUser } from "@/lib/auth/staff-user";
import { CLAIM_KIND_HELP, CLAIM_KIND_KO, CLAIM_RELATIONS, CLAIM_STATUS_KO, MEDIATION_OUTCOMES, REJECTION_GROUNDS } from "@/lib/claims/claim-kinds";
import { getClaimForDesk } from "@/lib/claims/claim-queue";
import { siteName } from "@/lib/config/site";
import { db } from "@/lib/db";
import { formatKstDateTime } from "@/lib/format/korean-time";

const escapeHtml = (text: string) => text.replace(/[&<>"']/g, (char) => ({ "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;" })[char] ?? char);
const when = (date: Date | null | undefined) => (date ? `${formatKstDateTime(date)} (KST)` : "-");
const lookup = (table: Record<string, string>, key: string | null) => (key ? (table[key] ?? key) : "-");

function row(label: string, value: string): string {
  return `<tr><th>${escapeHtml(label)}</th><td>${escapeHtml(value)}</td></tr>`;
}

export interface ClaimExport {
  fileName: string;
  html: string;
}

export async function exportClaimBundle(actor: StaffUser, claimId: number, now = new Date()): Promise<ClaimExport> {
  assertCan(actor, "claim.read");
  const claim = await getClaimForDesk(actor, claimId, now);
  const files = await db.rightsClaimAttachment.findMany({ where: { claimId: claim.id }, select: { fileName: true, mimeType: true, byteSize: true, sha256: true, bytes: true }, orderBy: { createdAt: "asc" } });
  const evidence = claim.evidence;
  const bylines = Array.isArray(evidence?.bylines) ? (evidence.bylines as { name?: string; title?: string }[]) : [];

  const facts = [
    row("접수번호", claim.receiptNumber),
    row("종류", `${CLAIM_KIND_KO[claim.kind]} (${CLAIM_KIND_HELP[claim.kind].law})`),
    row("상태", CLAIM_STATUS_KO[claim.status]),
    row("접수", when(claim.receivedAt)),
    row(claim.kind === "TAKEDOWN" ? "처리 기한" : "수용 여부 통지 기한 (제15조 제2항)", when(claim.replyDueAt)),
    row("첫 회신", claim.answeredAt ? `${when(claim.answeredAt)} · ${claim.replyClock.overdue ? "기한 넘김" : "기한 안"}` : "-"),
    ...(claim.publishDueAt ? [row("게재 기한 (제15조 제3항)", when(claim.publishDueAt))] : []),
    row("게재", claim.publishedAt ? `${when(claim.publishedAt)} · ${claim.publishClock?.overdue ? "기한 넘김" : "기한 안"}` : "-"),
    ...(claim.correction ? [row("게재한 알림", `[${claim.correction.type === "REPLY" ? "반론" : "정정"}] ${claim.correction.note}`)] : []),
    ...(claim.publicationNote ? [row("게재 기록", claim.publicationNote)] : []),
    ...(claim.rejectionGrounds.length ? [row("거부 사유", claim.rejectionGrounds.map((ground) => lookup(REJECTION_GROUNDS, ground)).join(" / "))] : []),
    ...(claim.deskMessage ? [row("청구인에게 보낸 글", claim.deskMessage)] : []),
    ...(claim.mediationCaseNumber ? [row("언론중재위원회", `사건번호 ${claim.mediationCaseNumber} · ${lookup(MEDIATION_OUTCOMES, claim.mediationOutcome)}`)] : []),
    row("종결", when(claim.closedAt)),
  ].join("");

  const claimant = claim.purgedAt
    ? `<p>보유 기간이 지나 ${escapeHtml(when(claim.purgedAt))}에 청구인의 개인정보, 청구 내용과 첨부 파일을 파기했습니다.</p>`
    : `<table>${[
        row("이름", claim.claimantName ?? ""),
        row("이메일", claim.claimantEmail ?? "-"),
        row("전화", claim.claimantPhone ?? "-"),
        row("주소", claim.claimantAddress ?? "-"),
        row("보도와의 관계", `${lookup(CLAIM_RELATIONS, claim.relation)}${claim.relationDetail ? ` (${claim.relationDetail})` : ""}`),
        row("개인정보 동의", `${when(claim.consentedAt)} · 종결 뒤 ${claim.retentionDays}일 보유`),
        ...(claim.storyReference ? [row("청구인이 적은 기사", claim.storyReference)] : []),
        row("문제가 된 보도", claim.disputedPassage ?? ""),
        row(claim.kind === "TAKEDOWN" ? "요청하는 조치" : "청구 보도문", claim.requestedText ?? ""),
        row("청구 이유", claim.reason ?? ""),
      ].join("")}</table>`;

  const evidenceHtml = evidence
    ? `<table>${[
        row("제목", evidence.headline),
        row("부제", evidence.subHeadlines.join(" / ") || "-"),
        row("바이라인", bylines.map((person) => `${person.name ?? ""} ${person.title ?? ""}`).join(", ")),
        row("기사승인", when(evidence.approvedAt)),
        row("발행", when(evidence.publishedAt)),
        row("수정", when(evidence.lastCorrectedAt)),
        ...(evidence.commentBody !== null ? [row("댓글", `${evidence.commentAuthor ?? "독자"} · ${when(evidence.commentPostedAt)}: ${evidence.commentBody}`)] : []),
        row("사본을 뜬 시각", when(evidence.capturedAt)),
        row("판(revision) 식별자", evidence.revisionId ?? "-"),
        row("SHA-256", `${evidence.sha256} (${claim.evidenceIntact ? "내보낼 때 다시 계산해 일치 확인" : "일치하지 않음"})`),
      ].join("")}</table>
      <h3>본문 (독자에게 보인 그대로의 텍스트)</h3><div class="body">${escapeHtml(evidence.bodyText)}</div>
      <p class="note">해시는 기사 번호, 판 식별자, 제목, 부제 목록, 본문 텍스트, 본문 HTML, 바이라인([이름, 직함] 목록), 기사승인·발행·수정 시각, 댓글 번호·내용·작성자·시각, 사본 시각(UTC ISO 8601)을 이 순서로 담은 JSON 배열의 UTF-8 SHA-256입니다.</p>`
    : "<p>청구인이 기사를 특정하지 못해 사본이 없습니다.</p>";

  const history = claim.actions
    .map((step) => `<li>${escapeHtml(when(step.createdAt))} · ${escapeHtml(step.action)} → ${escapeHtml(CLAIM_STATUS_KO[step.toStatus])} · ${escapeHtml(step.actor ? `${step.actor.name} ${step.actor.title}` : "청구인·시스템")}${step.note ? `<br>${escapeHtml(step.note)}` : ""}</li>`)
    .join("");

  const attachments = files
    .map((file) => {
      const data = `data:${file.mimeType};base64,${Buffer.from(file.bytes).toString("base64")}`;
      const caption = `${escapeHtml(file.fileName)} · ${Math.max(1, Math.round(file.byteSize / 1024))}KB · SHA-256 ${file.sha256}`;
      return file.mimeType.startsWith("image/")
        ? `<figure><img src="${data}" alt="${escapeHtml(file.fileName)}"><figcaption>${caption}</figcaption></figure>`
        : `<p><a download="${escapeHtml(file.fileName)}" href="${data}">${caption}</a></p>`;
    })
    .join("");

  const html = `<!doctype html>
<html lang="ko"><head><meta charset="utf-8"><meta name="robots" content="noindex">
<title>${escapeHtml(`${siteName} 권리구제 청구 ${claim.receiptNumber}`)}</title>
<style>body{font-family:"Apple SD Gothic Neo","Malgun Gothic","Noto Sans KR",sans-serif;max-width:860px;margin:24px auto;padding:0 16px;line-height:1.6;color:#1b1b1b}
table{border-collapse:collapse;width:100%;margin:8px 0 16px}th,td{border:1px solid #ccc;padding:6px 8px;text-align:left;vertical-align:top;white-space:pre-line}th{width:11em;background:#f4f4f4}
.body{white-space:pre-line;border:1px solid #ccc;padding:10px;background:#fcfcfc}.note{font-size:13px;color:#555}img{max-width:100%}h2{border-bottom:2px solid #1b1b1b;padding-bottom:4px}</style></head>
<body>
<h1>${escapeHtml(siteName)} 권리구제 청구 ${escapeHtml(claim.receiptNumber)}</h1>
<p class="note">${escapeHtml(`${formatKstDateTime(now)} (KST) ${actor.name} ${actor.title} 내보냄`)}</p>
<h2>청구와 처리</h2><table>${facts}</table>
<h2>청구인과 청구 내용</h2>${claimant}
<h2>접수 당시 보도 (증거 사본)</h2>${evidenceHtml}
<h2>처리 기록</h2><ol>${history}</ol>
<h2>첨부 파일 (${files.length}개)</h2>${attachments || "<p>없음</p>"}
</body></html>`;

  await recordAudit({ actorId: actor.id, action: "claim.export", targetType: "RightsClaim", targetId: claim.id });
  return { fileName: `claim-${claim.receiptNumber}.html`, html };
}
