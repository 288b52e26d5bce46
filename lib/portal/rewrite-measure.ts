// 엎어치기: sending a different story under an address a portal already has (Naver shows the
// transmission time as the story's time, which is why papers were tempted; portals sanction it).
// An update is refused as one when its headline AND its body are mostly replaced.
//
// The measure reads the project's one word diff (lib/articles/revisions/diff.ts): of the text that was sent,
// how much is still there. Counted in characters, white space and punctuation left out, so a long
// word weighs more than a particle. Added text does not count against an update: a 2보 that adds
// paragraphs keeps everything, and a corrected figure replaces a few characters. Korean words
// carry their particles (정부가 / 정부는 differ as whole words), so a rewritten sentence about the
// same facts still keeps its names and numbers but loses some of its words: the thresholds leave
// room for that (tests/unit/rewrite-measure.test.ts holds realistic pairs).
import { diffText } from "@/lib/articles/revisions/diff";

export interface SentText {
  headline: string;
  bodyText: string;
}

export interface RewriteMeasure {
  /** Share (0-1) of the sent headline's characters still in the new one. */
  headlineKept: number;
  /** Share (0-1) of the sent body's characters still in the new one. */
  bodyKept: number;
  isRewrite: boolean;
}

/** Below these shares of the sent text kept, headline and body count as replaced. */
const HEADLINE_KEPT_MINIMUM = 0.5;
const BODY_KEPT_MINIMUM = 0.4;

const countable = (text: string) => text.replace(/[\s\p{P}\p{S}]/gu, "").length;

/** Share of `before` that the word diff to `after` keeps (1 when there was nothing to keep). */
function keptShare(before: string, after: string): number {
  let same = 0;
  let removed = 0;
  for (const segment of diffText(before, after)) {
    if (segment.kind === "same") same += countable(segment.text);
    else if (segment.kind === "removed") removed += countable(segment.text);
  }
  return same + removed === 0 ? 1 : same / (same + removed);
}

export function measureRewrite(sent: SentText, next: SentText): RewriteMeasure {
  const headlineKept = keptShare(sent.headline, next.headline);
  const bodyKept = keptShare(sent.bodyText, next.bodyText);
  return { headlineKept, bodyKept, isRewrite: headlineKept < HEADLINE_KEPT_MINIMUM && bodyKept < BODY_KEPT_MINIMUM };
}

const percent = (share: number) => `${Math.round(share * 100)}%`;

/** The desk's reason, in Korean, for refusing a rewrite as an update. */
export function rewriteRefusal(measure: RewriteMeasure): string {
  return `엎어치기로 보여 수정 송고하지 않았습니다: 이미 보낸 기사에서 제목은 ${percent(measure.headlineKept)}, 본문은 ${percent(measure.bodyKept)}만 남았습니다. 다른 기사라면 새 기사로 작성해 발행하세요.`;
}
