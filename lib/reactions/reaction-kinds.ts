// Readers' reactions under a story, in the order the bar shows them. Browser-safe (the bar and
// the server share it).

export const REACTION_KINDS = ["LIKE", "WARM", "SAD", "ANGRY", "FOLLOW_UP"] as const;
export type ReactionKind = (typeof REACTION_KINDS)[number];

export const REACTION_LABELS: Record<ReactionKind, string> = {
  LIKE: "좋아요",
  WARM: "훈훈해요",
  SAD: "슬퍼요",
  ANGRY: "화나요",
  FOLLOW_UP: "후속기사 원해요",
};

export type ReactionCounts = Record<ReactionKind, number>;

export const noReactions = (): ReactionCounts => ({ LIKE: 0, WARM: 0, SAD: 0, ANGRY: 0, FOLLOW_UP: 0 });
