import "server-only";
// The public shape of a comment: what readers' browsers receive. Never the source hash, the
// password hash or moderation details; the source is shown only as its short tag.
import { sourceTag } from "@/lib/comments/comment-source";
import type { TakedownReason } from "@/lib/generated/prisma/enums";
import { takedownNotice, type TakedownNotice } from "@/lib/takedowns/takedown-rules";

export interface PublicComment {
  id: number;
  nickname: string;
  /** Short tag derived from the writer's source (see comment-source.ts). */
  tag: string;
  /** Empty while the comment is blocked (`blocked`): its text never leaves the server then. */
  body: string;
  likeCount: number;
  createdAt: string;
  /** A 임시조치 in force on this comment: readers see this notice in its place. */
  blocked: TakedownNotice | null;
}

interface CommentRow {
  id: number;
  guestName: string | null;
  ipHash: string;
  body: string;
  likeCount: number;
  createdAt: Date;
  /** The block in force, if any (lib/comments/list-comments.ts reads it with the comment). */
  block?: { reason: TakedownReason; endsAt: Date } | null;
}

export function toPublicComment(row: CommentRow): PublicComment {
  const blocked = row.block ? takedownNotice(row.block.reason, row.block.endsAt, "comment") : null;
  return {
    id: row.id,
    nickname: blocked ? "" : (row.guestName ?? "독자"),
    tag: blocked ? "" : sourceTag(row.ipHash),
    body: blocked ? "" : row.body,
    likeCount: row.likeCount,
    createdAt: row.createdAt.toISOString(),
    blocked,
  };
}
