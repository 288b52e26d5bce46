import Link from "next/link";
import { ClaimClockView } from "@/components/newsroom/claims/claim-clock";
import { CLAIM_KIND_KO } from "@/lib/claims/claim-kinds";
import type { QueueRow } from "@/lib/claims/claim-queue";

/** Claims as a short list: receipt number and kind (linked), optionally the story, and the running clock. */
export function ClaimLinkList({ rows, showStory = false }: { rows: QueueRow[]; showStory?: boolean }) {
  return (
    <ul>
      {rows.map((row) => (
        <li key={row.id}>
          <Link href={`/newsroom/claims/${row.id}`}>
            {row.receiptNumber} {CLAIM_KIND_KO[row.kind]}
          </Link>
          {showStory && ` · ${row.story?.headline ?? row.storyReference ?? "(기사 미특정)"}`} · <ClaimClockView clock={row.clock} />
        </li>
      ))}
    </ul>
  );
}
