"use client";
// The public claim form (정정·반론·추후보도 청구, 삭제·임시조치 요청). Its fields are uncontrolled:
// the browser keeps what is typed, so a Korean IME composes undisturbed and nothing is re-rendered
// per keystroke. Sent as multipart to POST /api/v1/claims; on receipt the claimant is taken to
// their private status page. Errors come back in Korean, and nothing typed is lost.
import { useRef, useState } from "react";
import { ATTACHMENT_LIMITS, CLAIM_KIND_HELP, CLAIM_KIND_KO, CLAIM_KINDS, CLAIM_RELATIONS, CLAIM_TEXT_LIMITS } from "@/lib/claims/claim-kinds";
import type { ClaimKind } from "@/lib/generated/prisma/enums";

export interface ClaimFormTargetView {
  articleId: number;
  headline: string;
  comment: { id: number; body: string; author: string | null } | null;
}

const REQUESTED_LABEL: Record<ClaimKind, string> = {
  CORRECTION: "청구하는 정정보도문",
  REPLY: "청구하는 반론보도문",
  FOLLOW_UP: "청구하는 추후보도문",
  TAKEDOWN: "요청하는 조치 (삭제, 임시조치 등)",
};

const MB = 1024 * 1024;

type Answer = { ok: true; statusUrl: string } | { ok: false; message: string; fieldErrors: Record<string, string> };

async function sendClaim(form: HTMLFormElement): Promise<Answer> {
  try {
    const response = await fetch("/api/v1/claims", { method: "POST", body: new FormData(form) });
    const body = (await response.json().catch(() => null)) as { claim?: { statusUrl: string }; error?: { message?: string; fieldErrors?: Record<string, string> } } | null;
    if (response.status === 201 && body?.claim) return { ok: true, statusUrl: body.claim.statusUrl };
    if (response.status === 413) return { ok: false, message: "첨부 파일이 너무 큽니다. 모두 합해 10MB 이하로 올려 주세요.", fieldErrors: {} };
    return { ok: false, message: body?.error?.message ?? "접수하지 못했습니다. 잠시 뒤 다시 보내 주세요.", fieldErrors: body?.error?.fieldErrors ?? {} };
  } catch {
    return { ok: false, message: "인터넷 연결을 확인한 뒤 다시 보내 주세요. 쓴 내용은 그대로 있습니다.", fieldErrors: {} };
  }
}

/** What is wrong with the chosen files before sending them (the server checks again, and their content). */
function fileProblem(files: FileList | null): string | null {
  const list = [...(files ?? [])];
  if (list.length > ATTACHMENT_LIMITS.maxFiles) return `첨부 파일은 ${ATTACHMENT_LIMITS.maxFiles}개까지 올릴 수 있습니다.`;
  const big = list.find((file) => file.size > ATTACHMENT_LIMITS.maxFileBytes);
  if (big) return `「${big.name}」: 파일 하나는 ${ATTACHMENT_LIMITS.maxFileBytes / MB}MB까지 올릴 수 있습니다.`;
  if (list.reduce((sum, file) => sum + file.size, 0) > ATTACHMENT_LIMITS.maxTotalBytes) return `첨부 파일은 모두 합해 ${ATTACHMENT_LIMITS.maxTotalBytes / MB}MB까지 올릴 수 있습니다.`;
  return null;
}

function FieldError({ errors, name }: { errors: Record<string, string>; name: string }) {
  return errors[name] ? (
    <span className="claim-form__field-error" id={`${name}-error`} role="alert">
      {errors[name]}
    </span>
  ) : null;
}

export function ClaimForm({ target, retentionText, defaultKind }: { target: ClaimFormTargetView | null; retentionText: string; defaultKind: ClaimKind }) {
  const formRef = useRef<HTMLFormElement>(null);
  const [kind, setKind] = useState<ClaimKind>(defaultKind);
  const [pending, setPending] = useState(false);
  const [message, setMessage] = useState<string | null>(null);
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [files, setFiles] = useState<string[]>([]);
  const kinds = target?.comment ? (["TAKEDOWN"] as const) : CLAIM_KINDS;
  const describedBy = (name: string) => (errors[name] ? `${name}-error` : undefined);

  return (
    <form
      ref={formRef}
      className="claim-form"
      data-testid="claim-form"
      noValidate
      onSubmit={(event) => {
        event.preventDefault();
        const form = formRef.current;
        if (!form || pending) return;
        const problem = fileProblem((form.elements.namedItem("attachments") as HTMLInputElement | null)?.files ?? null);
        if (problem) {
          setErrors({ attachments: problem });
          setMessage(problem);
          return;
        }
        setPending(true);
        setMessage(null);
        void sendClaim(form).then((answer) => {
          if (answer.ok) {
            window.location.assign(answer.statusUrl);
            return;
          }
          setPending(false);
          setMessage(answer.message);
          setErrors(answer.fieldErrors);
        });
      }}
    >
      <fieldset className="claim-form__group">
        <legend>청구 종류</legend>
        {kinds.map((value) => (
          <label key={value} className="claim-form__choice">
            <input type="radio" name="kind" value={value} checked={kind === value} onChange={() => setKind(value)} />
            <span>
              <strong>{CLAIM_KIND_KO[value]}</strong> <small>({CLAIM_KIND_HELP[value].law})</small>
              <span className="claim-form__hint">{CLAIM_KIND_HELP[value].help}</span>
            </span>
          </label>
        ))}
        <FieldError errors={errors} name="kind" />
      </fieldset>

      <fieldset className="claim-form__group">
        <legend>대상 보도</legend>
        {target ? (
          <div className="claim-form__target" data-testid="claim-target">
            <input type="hidden" name="articleId" value={target.articleId} />
            <p>
              <a href={`/articles/${target.articleId}`}>{target.headline}</a>
            </p>
            {target.comment && (
              <>
                <input type="hidden" name="commentId" value={target.comment.id} />
                <blockquote className="claim-form__comment">
                  <span>{target.comment.author ?? "독자"}의 댓글:</span> {target.comment.body}
                </blockquote>
              </>
            )}
          </div>
        ) : (
          <label className="claim-form__field">
            <span>기사 제목이나 주소, 보도 날짜</span>
            <input name="storyReference" maxLength={CLAIM_TEXT_LIMITS.storyReference} aria-describedby={describedBy("storyReference")} placeholder="예: 2026년 12월 7일 「…」 기사" />
            <FieldError errors={errors} name="storyReference" />
          </label>
        )}
      </fieldset>

      <fieldset className="claim-form__group">
        <legend>청구인</legend>
        <label className="claim-form__field">
          <span>이름 (기관·단체는 그 이름과 대표자) *</span>
          <input name="name" required maxLength={CLAIM_TEXT_LIMITS.name} autoComplete="name" aria-describedby={describedBy("name")} />
          <FieldError errors={errors} name="name" />
        </label>
        <label className="claim-form__field">
          <span>이메일</span>
          <input name="email" type="email" maxLength={CLAIM_TEXT_LIMITS.email} autoComplete="email" inputMode="email" aria-describedby={describedBy("email")} />
          <FieldError errors={errors} name="email" />
        </label>
        <label className="claim-form__field">
          <span>전화번호</span>
          <input name="phone" type="tel" maxLength={CLAIM_TEXT_LIMITS.phone} autoComplete="tel" inputMode="tel" aria-describedby={describedBy("phone")} />
          <FieldError errors={errors} name="phone" />
        </label>
        <p className="claim-form__hint">이메일과 전화번호 가운데 하나는 꼭 적어 주세요. 회신은 접수 확인 페이지에도 올립니다.</p>
        <label className="claim-form__field">
          <span>주소 (선택)</span>
          <input name="address" maxLength={CLAIM_TEXT_LIMITS.address} autoComplete="street-address" />
        </label>
        <label className="claim-form__field">
          <span>보도와의 관계 *</span>
          <select name="relation" defaultValue="self" aria-describedby={describedBy("relation")}>
            {Object.entries(CLAIM_RELATIONS).map(([value, label]) => (
              <option key={value} value={value}>
                {label}
              </option>
            ))}
          </select>
          <FieldError errors={errors} name="relation" />
        </label>
        <label className="claim-form__field">
          <span>관계 설명 (대리인이면 누구를 대리하는지 등)</span>
          <input name="relationDetail" maxLength={CLAIM_TEXT_LIMITS.relationDetail} />
        </label>
      </fieldset>

      <fieldset className="claim-form__group">
        <legend>청구 내용</legend>
        <label className="claim-form__field">
          <span>문제가 된 보도 내용 (구절을 그대로 옮겨 주세요) *</span>
          <textarea name="disputedPassage" rows={4} maxLength={CLAIM_TEXT_LIMITS.disputedPassage} aria-describedby={describedBy("disputedPassage")} />
          <FieldError errors={errors} name="disputedPassage" />
        </label>
        <label className="claim-form__field">
          <span>{REQUESTED_LABEL[kind]} *</span>
          <textarea name="requestedText" rows={5} maxLength={CLAIM_TEXT_LIMITS.requestedText} aria-describedby={describedBy("requestedText")} />
          <FieldError errors={errors} name="requestedText" />
        </label>
        <label className="claim-form__field">
          <span>청구 이유 *</span>
          <textarea name="reason" rows={4} maxLength={CLAIM_TEXT_LIMITS.reason} aria-describedby={describedBy("reason")} />
          <FieldError errors={errors} name="reason" />
        </label>
        <label className="claim-form__field">
          <span>
            증빙 자료 (PDF·사진, {ATTACHMENT_LIMITS.maxFiles}개까지, 파일당 {ATTACHMENT_LIMITS.maxFileBytes / MB}MB, 모두 {ATTACHMENT_LIMITS.maxTotalBytes / MB}MB 이하)
          </span>
          <input
            name="attachments"
            type="file"
            multiple
            accept="application/pdf,image/jpeg,image/png,image/webp,image/gif"
            aria-describedby={describedBy("attachments")}
            onChange={(event) => {
              setFiles([...(event.currentTarget.files ?? [])].map((file) => `${file.name} (${Math.max(1, Math.round(file.size / 1024))}KB)`));
              const problem = fileProblem(event.currentTarget.files);
              setErrors((current) => ({ ...current, attachments: problem ?? "" }));
            }}
          />
          {files.length > 0 && (
            <ul className="claim-form__files" data-testid="claim-files">
              {files.map((file) => (
                <li key={file}>{file}</li>
              ))}
            </ul>
          )}
          <FieldError errors={errors} name="attachments" />
        </label>
      </fieldset>

      <fieldset className="claim-form__group claim-form__privacy" data-testid="privacy-notice">
        <legend>개인정보 수집·이용 동의</legend>
        <dl>
          <dt>목적</dt>
          <dd>언론중재법에 따른 정정·반론·추후보도 청구와 정보통신망법에 따른 삭제·임시조치 요청의 접수, 검토, 회신, 언론중재위원회 조정 대응</dd>
          <dt>항목</dt>
          <dd>이름, 이메일, 전화번호, 주소(선택), 보도와의 관계, 청구 내용, 첨부 파일, 남용을 막기 위한 접속 출처의 암호화 값</dd>
          <dt>보유 기간</dt>
          <dd>
            청구 처리가 끝난 날부터 {retentionText}. 그 뒤 지체 없이 파기합니다. 접수 당시 보도의 사본과 처리 기록(접수·회신 일시 등)은 개인정보 없이 보관합니다.
          </dd>
          <dt>동의 거부</dt>
          <dd>동의하지 않을 수 있습니다. 이 경우 온라인으로는 접수할 수 없으며, 우편이나 이메일로 청구서를 보내실 수 있습니다.</dd>
        </dl>
        <label className="claim-form__consent">
          <input type="checkbox" name="consent" value="yes" aria-describedby={describedBy("consent")} /> 위 내용을 읽었으며 개인정보 수집·이용에 동의합니다. *
        </label>
        <FieldError errors={errors} name="consent" />
      </fieldset>

      {message && (
        <p className="claim-form__message" role="alert" data-testid="claim-form-message">
          {message}
        </p>
      )}
      <button type="submit" className="claim-form__submit" disabled={pending}>
        {pending ? "보내는 중…" : "청구서 접수하기"}
      </button>
    </form>
  );
}
