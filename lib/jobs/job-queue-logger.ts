// graphile-worker's log lines, through a logger of ours. Its routine lines (a worker connected,
// each job completed) are debug: at info they would be a line per delivery.
import { Logger } from "graphile-worker";

type LogFn = (fields: Record<string, unknown>, message: string) => void;
export interface JobLogTarget {
  debug: LogFn;
  warn: LogFn;
  error: LogFn;
}

/** A graphile-worker logger writing to `target`; without one, warnings and errors go to stderr. */
export function jobQueueLogger(target?: JobLogTarget): Logger {
  return new Logger((scope) => (level, message, meta) => {
    const fields = { ...meta, jobQueue: scope };
    if (target) {
      const write = level === "error" ? target.error : level === "warning" ? target.warn : target.debug;
      write.call(target, fields, message);
    } else if (level === "error" || level === "warning") {
      console.error(`[jobs] ${message}`);
    }
  });
}
