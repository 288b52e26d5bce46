import type { ClaimClock } from "@/lib/claims/claim-queue";
import { formatKstMinute } from "@/lib/format/korean-time";

const WHICH_KO = { reply: "회신", publication: "게재" } as const;

/** A claim's running clock: time left (green) or overdue (red), and the deadline in Korea time. */
export function ClaimClockView({ clock }: { clock: ClaimClock | null }) {
  if (!clock) return <span className="desk-empty">-</span>;
  return (
    <span className={clock.reading.overdue ? "claim-clock claim-clock--overdue" : "claim-clock"} data-testid="claim-clock" data-overdue={clock.reading.overdue}>
      {WHICH_KO[clock.which]} {clock.reading.text}
      <small>기한 {formatKstMinute(clock.due)}</small>
    </span>
  );
}
