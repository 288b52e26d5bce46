// Where the desk goes from a claim to act on it elsewhere in the newsroom.

/**
 * The 임시조치 desk action (정보통신망법 제44조의2) for a takedown request's story or comment, built
 * by the other half of issue 22 (branch h22blocks: /newsroom/takedowns/new?article=N|comment=N&claim=
 * receipt). Until that branch is on main this address answers the newsroom's 404.
 */
export function takedownActionHref(claim: { articleId: number | null; commentId: number | null; receiptNumber: string }): string | null {
  const target = claim.commentId ? `comment=${claim.commentId}` : claim.articleId ? `article=${claim.articleId}` : null;
  return target ? `/newsroom/takedowns/new?${target}&claim=${encodeURIComponent(claim.receiptNumber)}` : null;
}

/** The story's editor, where the desk writes the 정정 or 반론 an accepted claim asks for. */
export function correctionFlowHref(articleId: number): string {
  return `/newsroom/articles/${articleId}/edit`;
}
