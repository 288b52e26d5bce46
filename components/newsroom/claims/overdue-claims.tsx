import "@/components/newsroom/claims/claims-desk.css";
import { ClaimLinkList } from "@/components/newsroom/claims/claim-link-list";
import type { QueueRow } from "@/lib/claims/claim-queue";

/** Every editor's and admin's dashboard: the claims past their deadline, in red, first thing. */
export function OverdueClaims({ rows }: { rows: QueueRow[] }) {
  if (rows.length === 0) return null;
  return (
    <section className="claims-overdue" role="alert" aria-labelledby="overdue-claims-heading" data-testid="overdue-claims">
      <h2 id="overdue-claims-heading">기한을 넘긴 권리구제 청구 {rows.length}건</h2>
      <ClaimLinkList rows={rows} showStory />
    </section>
  );
}
