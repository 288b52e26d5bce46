import "server-only";
// A stored story in the shape the submission checks read (lib/articles/workflow/submission-requirements.ts):
// the same load for the server's check at submit and for the list the story page shows.
import type { BodyNode } from "@/lib/articles/body/body-schema";
import { submissionProblems, type SubmissionProblem } from "@/lib/articles/workflow/submission-requirements";
import type { DbTransaction } from "@/lib/db/client";
import { pollSurveyProblems } from "@/lib/elections/poll-survey";
import { storedPollSurvey } from "@/lib/elections/stored-poll-survey";

/** What the story still lacks before it can go to the desk (empty when nothing). */
export async function storedSubmissionProblems(client: DbTransaction, id: number): Promise<SubmissionProblem[]> {
  const content = await client.article.findUniqueOrThrow({
    where: { id },
    select: { headline: true, sectionId: true, origin: true, originSource: true, bodyText: true, bodyJson: true, heroImageId: true, heroCredit: true, heroAlt: true, heroImage: { select: { altText: true } }, pollSurvey: true },
  });
  return submissionProblems({
    headline: content.headline,
    sectionId: content.sectionId,
    origin: content.origin,
    originSource: content.originSource,
    bodyText: content.bodyText,
    // Stored only after passing the body schema.
    body: content.bodyJson as { content?: BodyNode[] },
    hero: content.heroImageId ? { mediaId: content.heroImageId, alt: content.heroAlt || (content.heroImage?.altText ?? null), credit: content.heroCredit } : null,
    pollSurvey: storedPollSurvey(content.pollSurvey),
  });
}

/** What a poll story's particulars still lack before the desk may put it out (empty for other stories). */
export async function storedPollSurveyProblems(client: DbTransaction, id: number): Promise<SubmissionProblem[]> {
  const { pollSurvey } = await client.article.findUniqueOrThrow({ where: { id }, select: { pollSurvey: true } });
  const survey = storedPollSurvey(pollSurvey);
  return survey ? pollSurveyProblems(survey).map((problem) => ({ field: "pollSurvey", message: problem.message })) : [];
}
