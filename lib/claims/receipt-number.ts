// The receipt number a claimant is given and quotes: the year of receipt in Korea and the claim's
// number, e.g. "2026-000042". Derived, never stored: the claim's id is the record.
import { formatKstDateTime } from "@/lib/format/korean-time";

export function receiptNumberOf(claim: { id: number; receivedAt: Date }): string {
  return `${formatKstDateTime(claim.receivedAt).slice(0, 4)}-${String(claim.id).padStart(6, "0")}`;
}

/** The claim id in a receipt number the desk typed ("2026-000042", "000042" or "42"), or null. */
export function claimIdFromReceipt(text: string): number | null {
  const match = /^(?:\d{4}-)?0*(\d{1,9})$/.exec(text.trim());
  return match?.[1] ? Number(match[1]) : null;
}
