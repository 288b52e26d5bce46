// Starts the front process (server/front/main.ts) as a child of the Next.js process, which then
// listens only on `socketPath`. The child gets the parent's settings (process.env, as start-up
// completed them) and Node flags (tsx's loader; a --cpu-prof of the bench), and a channel on which
// it says "ready" and which tells it when its parent is gone.
import { fork, type ChildProcess } from "node:child_process";
import path from "node:path";
import { StartupError } from "@/lib/config/startup-error";
import { logger } from "@/lib/observability/logger";

class FrontProcessError extends StartupError {
  override name = "FrontProcessError";
}

export interface RunningFront {
  pid: number;
  /** Stops the front gracefully (it finishes the requests it holds) and waits for it to exit. */
  stop(): Promise<void>;
}

const FRONT_STOP_GRACE_MS = 15_000;

export async function startFrontProcess(socketPath: string, onUnexpectedExit: (code: number | null) => void): Promise<RunningFront> {
  const child: ChildProcess = fork(path.join(process.cwd(), "server/front/main.ts"), [socketPath], { execArgv: process.execArgv, env: process.env, stdio: "inherit" });
  let stopping = false;
  const exited = new Promise<number | null>((resolve) => child.once("exit", (code) => resolve(code)));
  await new Promise<void>((resolve, reject) => {
    child.once("message", (message) => (message === "ready" ? resolve() : reject(new FrontProcessError(`the front process said ${String(message)}`))));
    void exited.then((code) => reject(new FrontProcessError(`the front process exited (${code}) before it listened; is PORT free?`)));
  });
  void exited.then((code) => {
    if (stopping) return;
    logger().error({ code }, "the front process exited");
    onUnexpectedExit(code);
  });
  return {
    pid: child.pid ?? 0,
    stop: async () => {
      stopping = true;
      if (child.exitCode !== null) return;
      child.kill("SIGTERM");
      const timedOut = new Promise<"timeout">((resolve) => setTimeout(() => resolve("timeout"), FRONT_STOP_GRACE_MS).unref());
      if ((await Promise.race([exited, timedOut])) === "timeout") child.kill("SIGKILL");
    },
  };
}
