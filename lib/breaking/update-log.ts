import "server-only";
// A breaking story's update log: what an approval that goes live adds to it, decided and written
// inside the approval's transaction (the row is locked by the approval's conditional update, so
// two approvals cannot both count the entries before either writes).
import { defaultUpdateNote } from "@/lib/breaking/breaking-rules";
import type { DbTransaction } from "@/lib/db/client";

/** What an approval asks of the update log and the banner (from the approve input). */
export interface BreakingRequest {
  /** Raise the banner (속보). */
  breaking: boolean;
  breakingMinutes: number;
  /** The desk's one-line note; empty for the default. */
  updateNote: string;
}

/** The banner's end for an approval that goes live at `now`, or undefined to leave it as it is. */
export function breakingUntilFor(request: BreakingRequest, now: Date): Date | undefined {
  return request.breaking ? new Date(now.getTime() + request.breakingMinutes * 60_000) : undefined;
}

/**
 * Adds the entry an approval going live makes, if it makes one: when the desk raises the banner,
 * when the story already has a log (a breaking story grows on its address: every approved update
 * is an entry), or when the desk wrote a note. Returns the note written, or null.
 */
export async function addUpdateLogEntry(
  tx: DbTransaction,
  entry: { articleId: number; revisionId: string | null; createdById: string; at: Date },
  request: BreakingRequest,
): Promise<string | null> {
  const entriesSoFar = await tx.articleUpdateLogEntry.count({ where: { articleId: entry.articleId } });
  if (!request.breaking && entriesSoFar === 0 && request.updateNote === "") return null;
  const note = request.updateNote || defaultUpdateNote(entriesSoFar);
  await tx.articleUpdateLogEntry.create({ data: { articleId: entry.articleId, note, revisionId: entry.revisionId, createdById: entry.createdById, createdAt: entry.at } });
  return note;
}
