// The comment rules the comment box shows and checks as readers type, without zod: this module
// goes to every reader's browser with the comments island (importing the schemas module put all
// of zod there too: 55 KB of gzip on every article page). lib/comments/comment-schemas.ts holds
// the server's schemas built on these.

export const NICKNAME_MIN = 2;
export const NICKNAME_MAX = 20;
export const COMMENT_PASSWORD_MIN = 4;
export const COMMENT_PASSWORD_MAX = 64;

export const REPORT_REASONS = {
  abuse: "욕설·비하",
  slander: "명예훼손·비방",
  false: "허위 사실",
  obscene: "음란·선정",
  spam: "광고·도배",
  privacy: "개인정보 노출",
  other: "기타",
} as const;

export type ReportReason = keyof typeof REPORT_REASONS;

export const COMMENT_SORTS = ["latest", "likes"] as const;
export type CommentSort = (typeof COMMENT_SORTS)[number];
