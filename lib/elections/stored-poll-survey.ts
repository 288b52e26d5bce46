// A poll story's particulars as read back from the database (Article / ArticleRevision.pollSurvey):
// read through its shape again, so a row from an older shape comes out complete (missing fields
// empty) rather than as whatever JSON it holds, and a value the rules refuse comes out as it was
// (the editor shows the rule's message next to it; submission refuses it) instead of being blanked.
import { storedPollSurveySchema, type PollSurvey } from "@/lib/elections/poll-survey";

export function storedPollSurvey(value: unknown): PollSurvey | null {
  if (value === null || value === undefined) return null;
  const parsed = storedPollSurveySchema.safeParse(value);
  return parsed.success ? parsed.data : storedPollSurveySchema.parse({});
}
