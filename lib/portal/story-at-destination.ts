// What a destination has of one story, read from that story's transmissions to it in order: the
// rules (never twice, update under the same id, no rewrite, deletion only where it went) are
// decided from this. Pure, so the rules are tested without a database.
import type { PortalAction, PortalTransmissionStatus } from "@/lib/generated/prisma/enums";

export interface TransmissionRecord {
  id: bigint;
  action: PortalAction;
  status: PortalTransmissionStatus;
  revisionId: string | null;
}

/** Statuses of a transmission that has reached, is reaching or will reach the destination. */
const EFFECTIVE: ReadonlySet<PortalTransmissionStatus> = new Set(["SENT", "SENDING", "PENDING", "DEAD"]);
/** Statuses of one that never left and may still be called off. */
export const NOT_YET_SENT: PortalTransmissionStatus[] = ["PENDING", "DEAD", "HELD"];

export interface StoryAtDestination {
  /** The destination has (or will have) the story: a later revision goes as an update. */
  has: boolean;
  /** Its last effective transmission is a deletion. */
  deleted: boolean;
  /** The revision the destination first got (what an update is compared with for 엎어치기). */
  firstRevisionId: string | null;
  /** Content of it has actually left (a deletion is owed when it is unpublished). */
  delivered: boolean;
}

export function storyAtDestination(history: TransmissionRecord[]): StoryAtDestination {
  const effective = history.filter((row) => EFFECTIVE.has(row.status));
  const last = effective.at(-1);
  const deleted = last?.action === "DELETE";
  const lastDelete = effective.findLastIndex((row) => row.action === "DELETE");
  const sinceDelete = effective.slice(lastDelete + 1).filter((row) => row.action !== "DELETE");
  const firstContent = effective.find((row) => row.action === "NEW") ?? effective.find((row) => row.action === "UPDATE");
  return {
    has: !deleted && sinceDelete.length > 0,
    deleted,
    firstRevisionId: firstContent?.revisionId ?? null,
    delivered: sinceDelete.some((row) => row.status === "SENT" || row.status === "SENDING"),
  };
}

/** Whether this revision already has a transmission of content to the destination (never twice). */
export function revisionAlreadyRecorded(history: TransmissionRecord[], revisionId: string): TransmissionRecord | undefined {
  return history.find((row) => row.revisionId === revisionId && row.action !== "DELETE");
}
