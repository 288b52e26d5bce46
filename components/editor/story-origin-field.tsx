"use client";
// 출처 유형: where the story comes from, chosen by the writer and required at submission (the
// rule is lib/origins/story-origin.ts). 통신 offers the agencies as choices, with another typed;
// 보도자료 and 외부 제공 ask who issued or provided it.
import { useState } from "react";
import type { ArticleOrigin } from "@/lib/generated/prisma/enums";
import { ARTICLE_ORIGIN_LABEL, ARTICLE_ORIGINS, ORIGIN_SOURCE_MAX, originProblem, originSourceField, WIRE_AGENCIES } from "@/lib/origins/story-origin";
import "./story-origin.css";

const OTHER_AGENCY = "__other";

export interface StoryOriginValue {
  origin: ArticleOrigin | null;
  originSource: string;
}

export function StoryOriginField({
  value,
  disabled,
  showProblem,
  onChange,
}: {
  value: StoryOriginValue;
  disabled: boolean;
  /** After a try to submit: say what is missing until it is filled. */
  showProblem: boolean;
  onChange: (change: StoryOriginValue) => void;
}) {
  const { origin, originSource } = value;
  // "Another agency" chosen before its name is typed (an empty source is otherwise "none chosen").
  const [typingAgency, setTypingAgency] = useState(origin === "WIRE" && originSource !== "" && !WIRE_AGENCIES.includes(originSource));
  const agencyChoice = WIRE_AGENCIES.includes(originSource) ? originSource : typingAgency || originSource ? OTHER_AGENCY : "";
  const sourceField = originSourceField(origin);
  const problem = showProblem ? originProblem(origin, originSource) : null;

  const choose = (next: ArticleOrigin) => {
    setTypingAgency(false);
    // A source belongs to its kind: an agency is not the issuer of a press release.
    onChange({ origin: next, originSource: next === origin ? originSource : "" });
  };

  return (
    <fieldset className={`story-origin form${problem ? " is-missing" : ""}`} disabled={disabled} data-testid="story-origin">
      <legend>
        출처 유형 <span className="form__hint">(데스크에 넘길 때 필수)</span>
      </legend>
      <div className="story-origin__choices">
        {ARTICLE_ORIGINS.map((option) => (
          <label key={option} className="story-origin__choice">
            <input type="radio" name="origin" value={option} checked={origin === option} onChange={() => choose(option)} />
            {ARTICLE_ORIGIN_LABEL[option]}
          </label>
        ))}
      </div>
      {origin === "WIRE" && (
        <div className="story-origin__source">
          <label>
            통신사
            <select
              name="originAgency"
              value={agencyChoice}
              onChange={(event) => {
                const choice = event.target.value;
                setTypingAgency(choice === OTHER_AGENCY);
                onChange({ origin, originSource: choice === OTHER_AGENCY ? "" : choice });
              }}
            >
              <option value="">통신사 고르기</option>
              {WIRE_AGENCIES.map((agency) => (
                <option key={agency} value={agency}>
                  {agency}
                </option>
              ))}
              <option value={OTHER_AGENCY}>그 밖의 통신사 (직접 입력)</option>
            </select>
          </label>
          {agencyChoice === OTHER_AGENCY && (
            <label>
              통신사 이름
              <input name="originSource" value={originSource} maxLength={ORIGIN_SOURCE_MAX} placeholder="예: 교도통신" onChange={(event) => onChange({ origin, originSource: event.target.value })} />
            </label>
          )}
        </div>
      )}
      {origin !== "WIRE" && sourceField && (
        <div className="story-origin__source">
          <label>
            {sourceField.label}
            <input name="originSource" value={originSource} maxLength={ORIGIN_SOURCE_MAX} placeholder={sourceField.placeholder} onChange={(event) => onChange({ origin, originSource: event.target.value })} />
          </label>
        </div>
      )}
      {problem && (
        <p className="form__error" role="alert" data-testid="story-origin-problem">
          {problem}
        </p>
      )}
    </fieldset>
  );
}
