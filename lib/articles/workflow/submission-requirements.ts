// What a story needs before it goes to the desk: a headline, a section, its origin (출처 유형, with
// the agency, issuer or provider where it has one), a body of some length, and alt text and a
// credit on every image (the hero and each body figure), and for an election poll story its
// particulars (lib/elections/poll-survey.ts). The editor lists what
// is missing as the reporter writes; the server refuses a submission with the same list. Pure and
// browser-safe. The image rule is the editor's own (lib/articles/workflow/submission-checks.ts).
import type { BodyNode } from "@/lib/articles/body/body-schema";
import { countManuscript } from "@/lib/articles/body/manuscript-count";
import { imageProblems } from "@/lib/articles/workflow/submission-checks";
import { pollSurveyProblems, type PollSurvey } from "@/lib/elections/poll-survey";
import type { ArticleOrigin } from "@/lib/generated/prisma/enums";
import { originProblem } from "@/lib/origins/story-origin";

/** The shortest body the desk takes, in characters with spaces (half a 200-character 원고지 page). */
const MIN_BODY_CHARACTERS = 100;

export interface SubmissionStory {
  headline: string;
  sectionId: number | null;
  origin: ArticleOrigin | null;
  originSource: string;
  /** The body's plain text (line breaks between blocks do not count). */
  bodyText: string;
  body: { content?: BodyNode[] };
  /** The hero photo: its alt text (from the library) and the credit printed with the story. */
  hero: { mediaId: string; alt: string | null; credit: string | null } | null;
  /** An election poll story's particulars (선거여론조사기준 제18조); null for other stories. */
  pollSurvey: PollSurvey | null;
}

export interface SubmissionProblem {
  field: "headline" | "sectionId" | "origin" | "body" | "images" | "pollSurvey";
  message: string;
}

/** Everything the story still lacks, in the order the editor shows the fields; empty when it may go. */
export function submissionProblems(story: SubmissionStory): SubmissionProblem[] {
  const problems: SubmissionProblem[] = [];
  if (!story.headline.trim()) problems.push({ field: "headline", message: "제목이 없습니다." });
  if (story.sectionId === null) problems.push({ field: "sectionId", message: "섹션을 고르지 않았습니다." });
  const origin = originProblem(story.origin, story.originSource);
  if (origin) problems.push({ field: "origin", message: origin });
  const length = countManuscript(story.bodyText).withSpaces;
  if (length < MIN_BODY_CHARACTERS) {
    problems.push({ field: "body", message: `본문이 너무 짧습니다 (${length}자). ${MIN_BODY_CHARACTERS}자 이상 써야 데스크에 넘길 수 있습니다.` });
  }
  for (const image of imageProblems({ hero: story.hero, body: story.body })) problems.push({ field: "images", message: image.message });
  if (story.pollSurvey) for (const poll of pollSurveyProblems(story.pollSurvey)) problems.push({ field: "pollSurvey", message: poll.message });
  return problems;
}
