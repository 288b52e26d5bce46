import "server-only";
// The public shape of a comment: what readers' browsers receive. Never the source hash, the
// password hash or moderation details; the source is shown only as its short tag.
import { sourceTag } from "@/lib/comments/comment-source";

export interface PublicComment {
  id: number;
  nickname: string;
  /** Short tag derived from the writer's source (see comment-source.ts). */
  tag: string;
  body: string;
  likeCount: number;
  createdAt: string;
}

export function toPublicComment(row: { id: number; guestName: string | null; ipHash: string; body: string; likeCount: number; createdAt: Date }): PublicComment {
  return { id: row.id, nickname: row.guestName ?? "독자", tag: sourceTag(row.ipHash), body: row.body, likeCount: row.likeCount, createdAt: row.createdAt.toISOString() };
}
