// Runs `scripts/start.ts` (what `npm start` runs) as a child process, as a user would.
import { spawn, type ChildProcess } from "node:child_process";
import { START_NODE_ARGS } from "@/server/start-command";

export interface StartedProcess {
  child: ChildProcess;
  output(): string;
  /** Resolves with the exit code. */
  exited: Promise<number | null>;
  waitForOutput(pattern: RegExp, timeoutMs: number): Promise<void>;
}

export function runStart(env: Record<string, string>): StartedProcess {
  // As package.json's "start" runs it (server/start-command.ts): with its heap limit, and tsx as a
  // loader inside the one process. (The tsx command runs the script in a child and SIGKILLs it
  // when it does not confirm a signal within 60 ms, so a busy server would not get its graceful
  // shutdown.)
  const child = spawn(process.execPath, [...START_NODE_ARGS], {
    cwd: process.cwd(),
    // Only what a user's shell would have: no DATABASE_URL from the test harness leaks in.
    env: { PATH: process.env.PATH ?? "", HOME: process.env.HOME ?? "/tmp", CI: process.env.CI ?? "", NODE_ENV: "production", ...env },
    stdio: ["ignore", "pipe", "pipe"],
  });
  let text = "";
  child.stdout?.on("data", (chunk: Buffer) => (text += chunk.toString()));
  child.stderr?.on("data", (chunk: Buffer) => (text += chunk.toString()));
  const exited = new Promise<number | null>((resolve) => child.once("exit", (code) => resolve(code)));
  return {
    child,
    exited,
    output: () => text,
    async waitForOutput(pattern, timeoutMs) {
      const deadline = Date.now() + timeoutMs;
      while (!pattern.test(text)) {
        if (child.exitCode !== null) throw new Error(`start exited (${child.exitCode}) before printing ${pattern}:\n${text}`);
        if (Date.now() > deadline) throw new Error(`start did not print ${pattern} within ${timeoutMs} ms:\n${text}`);
        await new Promise((resolve) => setTimeout(resolve, 200));
      }
    },
  };
}
