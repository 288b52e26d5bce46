// What a story's page says about readers' claims (the desk's labels near the headline, why its
// comments are closed), as a relation select: the article page reads it in its one query for the
// story (lib/articles/public/public-queries.ts) instead of a second round trip per render.
import type { Prisma } from "@/lib/generated/prisma/client";
import type { ClaimKind } from "@/lib/generated/prisma/enums";

export interface StoryClaimNotice {
  /** The kinds of the open claims the desk labelled, oldest first. */
  labels: ClaimKind[];
  /** An open claim holds the story's comments closed. */
  commentsHeld: boolean;
}

/** The open claims that show on the story's page, oldest first (Article.rightsClaims). */
export const storyClaimNoticeSelect = {
  where: { closedAt: null, OR: [{ labelShown: true }, { closedComments: true }] },
  select: { kind: true, labelShown: true, closedComments: true },
  orderBy: { receivedAt: "asc" },
} satisfies Prisma.Article$rightsClaimsArgs;

export function toStoryClaimNotice(claims: { kind: ClaimKind; labelShown: boolean; closedComments: boolean }[]): StoryClaimNotice {
  return { labels: [...new Set(claims.filter((claim) => claim.labelShown).map((claim) => claim.kind))], commentsHeld: claims.some((claim) => claim.closedComments) };
}
