// A request through the response cache: answered from it (or rendered into it), or passed on to
// whatever answers the rest, in the one process (server/http-server.ts) or the front one
// (server/front/front-server.ts). A cache that throws is answered around.
import type { IncomingMessage, ServerResponse } from "node:http";
import { logger } from "@/lib/observability/logger";
import type { CacheOutcome } from "@/server/response-cache/response-cache";
import type { RunningResponseCache } from "@/server/response-cache/start-response-cache";

export function answerOrPass(cache: RunningResponseCache, req: IncomingMessage, res: ServerResponse, record: (outcome: CacheOutcome) => void, passOn: (req: IncomingMessage, res: ServerResponse) => void): void {
  const failed = (error: unknown) => {
    logger().error({ err: error }, "response cache failed; answering without it");
    if (!res.headersSent) passOn(req, res);
  };
  let outcome: CacheOutcome | Promise<CacheOutcome>;
  try {
    outcome = cache.handle(req, res, record);
  } catch (error) {
    return failed(error);
  }
  if (outcome === "PASS") passOn(req, res);
  else if (typeof outcome !== "string") {
    outcome.then((settled) => {
      if (settled === "PASS") passOn(req, res);
    }, failed);
  }
}
