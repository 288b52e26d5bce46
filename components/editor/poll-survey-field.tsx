"use client";
// 선거여론조사 표기: an election poll story's particulars (공직선거법 제108조 제6항, 선거여론조사기준
// 제18조; the rules are lib/elections/poll-survey.ts). A collapsible section: most stories are not
// poll stories, so it stays one line until the writer flags the story. The values are part of the
// story's fields (EditorMeta), saved and backed up with the headline; a value the schema refuses
// shows its Korean message under the field at once, and stays there, typed as it was, until fixed.
import { useId, useMemo, useRef, useState } from "react";
import { emptyPollSurvey, POLL_SURVEY_KIND_LABEL, pollSurveyFieldErrors, pollSurveyFormFields, pollSurveyProblems, type PollSurvey } from "@/lib/elections/poll-survey";
import "./poll-survey.css";

/** How far along the particulars are, for the folded section's one line. */
function progressOf(survey: PollSurvey | null, invalidCount: number): string {
  if (!survey) return "해당 없음";
  const required = pollSurveyFormFields(survey.kind).filter((field) => field.required);
  const filled = required.filter((field) => survey[field.key].trim() !== "").length;
  return `필수 ${required.length}개 중 ${filled}개 입력${invalidCount > 0 ? ` · 고칠 값 ${invalidCount}개` : ""}`;
}

export function PollSurveyField({
  value,
  disabled,
  showProblems,
  onChange,
}: {
  value: PollSurvey | null;
  disabled: boolean;
  /** After a try to submit: mark what is missing until it is filled. */
  showProblems: boolean;
  onChange: (survey: PollSurvey | null) => void;
}) {
  const id = useId();
  const [open, setOpen] = useState(value !== null);
  // Unflagging by mistake and flagging again brings back what was typed (it is also in the revisions).
  const lastSurvey = useRef<PollSurvey | null>(value);
  const errors = useMemo(() => (value ? pollSurveyFieldErrors(value) : {}), [value]);
  const missing = useMemo(() => (value && showProblems ? new Map(pollSurveyProblems(value).map((problem) => [problem.field, problem.message])) : new Map<string, string>()), [value, showProblems]);
  // A try to submit that finds something missing unfolds the section once (the writer may fold it again).
  const [wasMissing, setWasMissing] = useState(false);
  if ((missing.size > 0) !== wasMissing) {
    setWasMissing(missing.size > 0);
    if (missing.size > 0) setOpen(true);
  }

  const flag = (on: boolean) => {
    if (on) return onChange(lastSurvey.current ?? emptyPollSurvey());
    if (value && pollSurveyFormFields(value.kind).some((field) => value[field.key].trim() !== "") && !window.confirm("입력한 여론조사 항목을 기사에서 뺄까요? 이 기사는 여론조사 보도가 아니게 됩니다.")) return;
    lastSurvey.current = value;
    onChange(null);
  };
  const change = (next: PollSurvey) => {
    lastSurvey.current = next;
    onChange(next);
  };

  return (
    <details className={`poll-survey${missing.size > 0 ? " is-missing" : ""}`} open={open} onToggle={(event) => setOpen(event.currentTarget.open)} data-testid="poll-survey">
      <summary>
        <span className="poll-survey__title">선거여론조사 표기</span> <span className="form__hint" data-testid="poll-survey-progress">{progressOf(value, Object.keys(errors).length)}</span>
      </summary>
      <fieldset className="poll-survey__body form" disabled={disabled}>
        <legend className="visually-hidden">선거여론조사 표기</legend>
        <label className="poll-survey__check">
          <input type="checkbox" name="isPollStory" checked={value !== null} onChange={(event) => flag(event.target.checked)} />
          이 기사는 선거 여론조사 결과를 보도합니다
        </label>
        {value && (
          <>
            <p className="form__hint poll-survey__note">
              공직선거법 제108조 제6항과 선거여론조사기준 제18조가 정한 사항입니다. 기사 끝에 &ldquo;여론조사 개요&rdquo; 상자로 나가며, 중앙선거여론조사심의위원회 홈페이지 안내 문구는 자동으로 붙습니다. 필수 항목이 비어 있으면 데스크에 넘길 수 없습니다.
            </p>
            <div className="poll-survey__kinds" role="radiogroup" aria-label="보도의 종류">
              {(["original", "cited"] as const).map((kind) => (
                <label key={kind} className="poll-survey__kind">
                  <input type="radio" name="pollKind" value={kind} checked={value.kind === kind} onChange={() => change({ ...value, kind })} />
                  {POLL_SURVEY_KIND_LABEL[kind]}
                </label>
              ))}
            </div>
            <div className="poll-survey__fields">
              {pollSurveyFormFields(value.kind).map((field) => {
                const message = errors[field.key] ?? missing.get(field.key);
                const messageId = `${id}-${field.key}-message`;
                const common = {
                  name: `poll-${field.key}`,
                  value: value[field.key],
                  maxLength: field.max,
                  placeholder: field.key === "questions" ? undefined : field.hint,
                  "aria-invalid": errors[field.key] ? true : undefined,
                  "aria-describedby": message ? messageId : undefined,
                };
                return (
                  <div key={field.key} className={`poll-survey__field poll-survey__field--${field.key}${errors[field.key] ? " is-invalid" : missing.has(field.key) ? " is-missing" : ""}`}>
                    <label>
                      <span>
                        {field.label}
                        {field.required && <span className="form__hint"> (필수)</span>}
                        {field.key === "questions" && <span className="form__hint"> {field.hint}</span>}
                      </span>
                      {field.key === "questions" ? (
                        <textarea {...common} rows={4} onChange={(event) => change({ ...value, [field.key]: event.target.value })} />
                      ) : (
                        <input {...common} autoComplete="off" onChange={(event) => change({ ...value, [field.key]: event.target.value })} />
                      )}
                    </label>
                    {message && (
                      <p className="form__error" id={messageId} data-testid={`poll-error-${field.key}`}>
                        {message}
                      </p>
                    )}
                  </div>
                );
              })}
            </div>
            <label className={`poll-survey__check${missing.has("registered") ? " is-missing" : ""}`}>
              <input type="checkbox" name="pollRegistered" checked={value.registered} onChange={(event) => change({ ...value, registered: event.target.checked })} />
              중앙선거여론조사심의위원회 홈페이지(www.nesdc.go.kr)에 등록된 조사임을 확인했습니다 (공직선거법 제108조 제8항)
            </label>
            {missing.get("registered") && (
              <p className="form__error" data-testid="poll-error-registered">
                {missing.get("registered")}
              </p>
            )}
          </>
        )}
      </fieldset>
    </details>
  );
}
