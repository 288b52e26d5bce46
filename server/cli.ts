// Runs a command-line entry point: a known failure (StartupError: bad setting, database
// unreachable, port in use ...) prints one line that names it and exits 1; anything unexpected
// keeps its stack so it can be debugged.
import { StartupError } from "@/lib/config/startup-error";

export async function runCli(main: () => Promise<void>): Promise<void> {
  try {
    await main();
  } catch (error) {
    if (error instanceof StartupError) console.error(`error: ${error.message}`);
    else console.error("error:", error);
    process.exit(1);
  }
}
