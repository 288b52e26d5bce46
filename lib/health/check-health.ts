import "server-only";
import { db } from "@/lib/db";
import { logger } from "@/lib/observability/logger";

export interface HealthReport {
  status: "ok" | "degraded";
  app: "up";
  database: "up" | "down";
  checkedAt: string;
}

const DATABASE_TIMEOUT_MS = 3_000;

/** Whether the app can reach its database right now, answered within a few seconds. */
export async function checkHealth(): Promise<HealthReport> {
  const checkedAt = new Date().toISOString();
  let timer: NodeJS.Timeout | undefined;
  try {
    await Promise.race([
      db.$queryRaw`SELECT 1`,
      new Promise((_, reject) => {
        timer = setTimeout(() => reject(new Error("database did not answer in time")), DATABASE_TIMEOUT_MS);
      }),
    ]);
    return { status: "ok", app: "up", database: "up", checkedAt };
  } catch (error) {
    logger().warn({ reason: error instanceof Error ? error.message : String(error) }, "health check: database unreachable");
    return { status: "degraded", app: "up", database: "down", checkedAt };
  } finally {
    clearTimeout(timer);
  }
}
