import "./poll-survey-box.css";
import { NESDC_POINTER, pollSurveyLines, type PollSurvey } from "@/lib/elections/poll-survey";

/**
 * The standard box at the end of an election poll story: the particulars the law requires to go
 * with the results (공직선거법 제108조 제6항, 선거여론조사기준 제18조), then the pointer to the
 * 중앙선거여론조사심의위원회's site.
 */
export function PollSurveyBox({ survey }: { survey: PollSurvey }) {
  return (
    <aside className="poll-survey-box" aria-labelledby="poll-survey-heading" data-testid="poll-survey-box">
      <h2 id="poll-survey-heading">{survey.kind === "cited" ? "인용한 여론조사 개요" : "여론조사 개요"}</h2>
      <dl>
        {pollSurveyLines(survey).map((line) => (
          <div key={line.label} className="poll-survey-box__row">
            <dt>{line.label}</dt>
            <dd>{line.value}</dd>
          </div>
        ))}
      </dl>
      <p className="poll-survey-box__pointer">{NESDC_POINTER}</p>
    </aside>
  );
}
