import "./corrections.css";
import type { PublicCorrectionNote } from "@/lib/articles/public/public-queries";
import { formatKstDateTime, toKstIso } from "@/lib/format/korean-time";
import { KeepWords } from "@/components/site/keep-words";

export const CORRECTION_LABEL = { CORRECTION: "정정", REPLY: "반론" } as const;

/** 정정 and 반론 notes at the end of a story, each with its time (Korea time). */
export function CorrectionsBlock({ corrections }: { corrections: PublicCorrectionNote[] }) {
  if (corrections.length === 0) return null;
  return (
    <aside className="corrections-block" aria-labelledby="corrections-heading" data-testid="article-corrections">
      <h2 id="corrections-heading">바로잡습니다</h2>
      <ol>
        {corrections.map((correction, index) => (
          <li key={index}>
            <span className={correction.type === "REPLY" ? "corrections-block__type corrections-block__type--reply" : "corrections-block__type"}>{CORRECTION_LABEL[correction.type]}</span>
            <KeepWords text={correction.note} />
            <time dateTime={toKstIso(correction.at)}>{formatKstDateTime(correction.at)}</time>
          </li>
        ))}
      </ol>
    </aside>
  );
}
