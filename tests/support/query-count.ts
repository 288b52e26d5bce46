// How many SQL statements a piece of work sends, counted by the instrumented pool as for a request.
import { runInRequestContext } from "@/lib/observability/request-context";

export async function queriesDuring(run: () => Promise<unknown>): Promise<number> {
  const context = { requestId: "query-count", queryCount: 0 };
  await runInRequestContext(context, run);
  return context.queryCount;
}
