// The most-read boxes change with readers' views and comments, which no domain event reports
// (one per view would cost more than the view). Rather than let every page showing them expire
// every minute and be rendered again whether or not they moved, each instance looks once a
// minute whether the rankings it shows have moved (Hot Issue, a week of comments, every ten
// minutes), and drops the `most-read` tag (the shared rankings and the pages showing them) only
// when they have.
import { register } from "node:module";
import { cacheTag } from "@/lib/cache/cache-tags";
import { SERVER_ONLY_IS_EMPTY } from "@/server/server-only-hook";

/** How often Today's ranking is compared with the one shown: that box's staleness at most. */
const MOST_READ_CHECK_MS = 60_000;
/** Hot Issue (a week of comments) is ranked again every tenth check: it moves slowly and costs the most. */
const HOT_ISSUE_EVERY_NTH_CHECK = 10;

// The comparison is domain code marked server-only: loaded after the hook that makes that marker
// empty outside Next.js's bundle, as server/job-queue.ts loads the job tasks.
type Comparison = (options: { hotIssue: boolean }) => Promise<boolean>;
let comparison: Promise<Comparison> | undefined;
function loadComparison(): Promise<Comparison> {
  if (!comparison) {
    register(SERVER_ONLY_IS_EMPTY);
    comparison = import("@/lib/views/most-read").then((module) => (options) => module.mostReadHasMoved(options));
  }
  return comparison;
}

export function watchMostRead(options: { invalidate: (tags: string[]) => void; log: (line: string) => void; intervalMs?: number }): { stop(): void; checks(): number } {
  let checking = false;
  let checks = 0;
  const timer = setInterval(() => {
    if (checking) return;
    checking = true;
    // Not at the first check: the boxes shown were ranked by a render moments ago.
    const hotIssue = (checks + 1) % HOT_ISSUE_EVERY_NTH_CHECK === 0;
    loadComparison()
      .then((hasMoved) => hasMoved({ hotIssue }))
      .then((moved) => {
        if (moved) options.invalidate([cacheTag.mostRead]);
      })
      .catch((error: unknown) => options.log(`response cache: could not compare the most-read rankings: ${String(error)}`))
      .finally(() => {
        checking = false;
        checks += 1;
      });
  }, options.intervalMs ?? MOST_READ_CHECK_MS);
  timer.unref();
  return { stop: () => clearInterval(timer), checks: () => checks };
}
