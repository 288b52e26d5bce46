import "server-only";
// A reader's reaction to a story: one per source (the comment rules' source, lib/comments/
// comment-source.ts: a salted hash of the network address, an IPv6 /64 as one; not a cookie a
// reader can throw away), changeable and withdrawable. The story must be public now, the row is
// inserted or changed, and the reader's previous reaction comes back (so the bar moves its counts
// without asking for them again); clicks arriving together are written together
// (lib/reactions/reaction-writer.ts). No counter row and no domain event per click: at 1,000
// reactions a second on one story, a counter row queues every click behind the last one's commit,
// and an event's NOTIFY serialises commits across the database (measured: about 3,300 upserts a
// second alone, 450-575 with an event each). Counts are read from the rows, cached a couple of
// seconds (lib/reactions/reaction-counts.ts).
import type { CommentVisitor } from "@/lib/comments/comment-source";
import { notFound } from "@/lib/errors";
import type { ReactionKind } from "@/lib/reactions/reaction-kinds";
import { reactSchema } from "@/lib/reactions/reaction-schemas";
import { writeReaction } from "@/lib/reactions/reaction-writer";
import { parseInput } from "@/lib/validation";

export interface ReactionChange {
  articleId: number;
  /** The reader's reaction now (null once withdrawn). */
  kind: ReactionKind | null;
  /** What it was before this request (null: none). */
  previous: ReactionKind | null;
}

const NOT_PUBLIC = "기사를 찾을 수 없습니다.";

/** Sets (or changes) the reader's reaction to a story readers may see now. */
export async function reactToArticle(articleId: number, input: unknown, visitor: CommentVisitor, now = new Date()): Promise<ReactionChange> {
  const { kind } = parseInput(reactSchema, input);
  const write = await writeReaction(articleId, visitor.source, kind, now);
  if (!write.found) throw notFound(NOT_PUBLIC);
  return { articleId, kind: write.saved, previous: write.previous };
}

/** Withdraws the reader's reaction (nothing to withdraw is not an error: the answer says so). */
export async function withdrawReaction(articleId: number, visitor: CommentVisitor, now = new Date()): Promise<ReactionChange> {
  const write = await writeReaction(articleId, visitor.source, null, now);
  if (!write.found) throw notFound(NOT_PUBLIC);
  return { articleId, kind: null, previous: write.previous };
}
