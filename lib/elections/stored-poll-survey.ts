// A poll story's particulars as read back from the database (Article / ArticleRevision.pollSurvey):
// written only after passing pollSurveySchema, but read through it again, so a row from an older
// shape comes out complete (missing fields empty) rather than as whatever JSON it holds.
import { pollSurveySchema, type PollSurvey } from "@/lib/elections/poll-survey";

export function storedPollSurvey(value: unknown): PollSurvey | null {
  if (value === null || value === undefined) return null;
  const parsed = pollSurveySchema.safeParse(value);
  return parsed.success ? parsed.data : pollSurveySchema.parse({});
}
