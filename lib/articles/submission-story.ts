import "server-only";
// A stored story in the shape the submission checks read (lib/articles/submission-requirements.ts):
// the same load for the server's check at submit and for the list the story page shows.
import type { BodyNode } from "@/lib/articles/body-schema";
import { submissionProblems, type SubmissionProblem } from "@/lib/articles/submission-requirements";
import type { DbTransaction } from "@/lib/db/client";

/** What the story still lacks before it can go to the desk (empty when nothing). */
export async function storedSubmissionProblems(client: DbTransaction, id: number): Promise<SubmissionProblem[]> {
  const content = await client.article.findUniqueOrThrow({
    where: { id },
    select: { headline: true, sectionId: true, origin: true, originSource: true, bodyText: true, bodyJson: true, heroImageId: true, heroCredit: true, heroAlt: true, heroImage: { select: { altText: true } } },
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
  });
}
