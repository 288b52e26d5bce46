// Answers "can we talk to this PostgreSQL?" quickly, with a one-line reason when not.
import pg from "pg";
import { StartupError } from "@/lib/config/startup-error";

export async function checkDatabaseReachable(connectionString: string, timeoutMs = 5000): Promise<void> {
  const client = new pg.Client({ connectionString, connectionTimeoutMillis: timeoutMs });
  const where = describeTarget(connectionString);
  try {
    await client.connect();
    await client.query("SELECT 1");
  } catch (error) {
    throw new StartupError(`cannot reach the database at ${where}: ${reasonOf(error)}`);
  } finally {
    await client.end().catch(() => undefined);
  }
}

function describeTarget(connectionString: string): string {
  const url = new URL(connectionString);
  return `${url.hostname}:${url.port || "5432"}${url.pathname}`;
}

function reasonOf(error: unknown): string {
  const code = (error as NodeJS.ErrnoException).code;
  if (code === "ECONNREFUSED") return "connection refused (is PostgreSQL running there?)";
  if (code === "ENOTFOUND" || code === "EAI_AGAIN") return "unknown host";
  if (code === "28P01") return "wrong user name or password";
  if (code === "3D000") return "that database does not exist";
  const message = error instanceof Error ? error.message : String(error);
  return message.split("\n")[0] ?? message;
}
