// One more instance of the app (scripts/start.ts, the production build) beside the e2e app, on
// its own port: for tests of several instances sharing a database, or of other settings (S3).
import { runStart, type StartedProcess } from "./run-start";
import { findFreePort } from "./test-cluster";

/** What the e2e app (tests/support/global-app-server.ts) is started with and every instance must share. */
const SHARED_E2E_SETTINGS = {
  NEXTAUTH_SECRET: "e2e-secret-e2e-secret-e2e-secret-e2e-secret",
  IP_HASH_SALT: "e2e-ip-hash-salt-0123",
};

export interface AppInstance {
  baseUrl: string;
  process: StartedProcess;
  stop(): Promise<void>;
}

export async function startAppInstance(databaseUrl: string, env: Record<string, string> = {}): Promise<AppInstance> {
  const port = await findFreePort();
  const baseUrl = `http://127.0.0.1:${port}`;
  const started = runStart({ ...SHARED_E2E_SETTINGS, DATABASE_URL: databaseUrl, PORT: String(port), HOST: "127.0.0.1", NEXTAUTH_URL: baseUrl, LOG_LEVEL: "warn", ...env });
  const stop = async () => {
    if (started.child.exitCode === null) started.child.kill("SIGTERM");
    await Promise.race([started.exited, new Promise((resolve) => setTimeout(resolve, 10_000))]);
  };
  try {
    await started.waitForOutput(/ready: http/, 120_000);
  } catch (error) {
    await stop();
    throw error;
  }
  return { baseUrl, process: started, stop };
}
