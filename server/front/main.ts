// The front process's entry point, started by the Next.js process (server/front/start-front.ts)
// with the path of the Unix socket it listens on:
//   node --import tsx server/front/main.ts <socket-path>
// It tells its parent "ready" once it listens on PORT, stops gracefully on SIGTERM, and stops
// as well when its parent is gone (the IPC channel closes).
import { register } from "node:module";
import { SERVER_ONLY_IS_EMPTY } from "@/server/server-only-hook";

register(SERVER_ONLY_IS_EMPTY);
const { serverEnv } = await import("@/lib/config/env");
const { logger } = await import("@/lib/observability/logger");
const { startFrontServer } = await import("@/server/front/front-server");

const socketPath = process.argv[2];
if (!socketPath) throw new Error("usage: server/front/main.ts <socket-path>");
const env = serverEnv();
const front = await startFrontServer({ socketPath, port: env.PORT, host: env.HOST });
let stopping = false;
const stop = (why: string) => {
  if (stopping) return;
  stopping = true;
  logger().info({ why }, "front process stopping");
  void front.close().finally(() => process.exit(0));
};
for (const signal of ["SIGTERM", "SIGINT", "SIGHUP"] as const) process.on(signal, () => stop(signal));
process.on("disconnect", () => stop("parent gone"));
process.send?.("ready");
