// Runs `prisma generate` without letting the CLI download the native schema engine (it is not
// needed to generate, and the download fails on machines that reach only the npm registry).
// On a machine with a real engine configured, that one is used.
import { spawnSync } from "node:child_process";
import { fileURLToPath } from "node:url";
import path from "node:path";

const root = path.dirname(path.dirname(fileURLToPath(import.meta.url)));
const env = { ...process.env, PRISMA_HIDE_UPDATE_MESSAGE: "1", CHECKPOINT_DISABLE: "1" };
env.PRISMA_SCHEMA_ENGINE_BINARY ??= path.join(root, "prisma/engines/schema-engine-stub");

const result = spawnSync(process.execPath, [path.join(root, "node_modules/prisma/build/index.js"), "generate"], {
  cwd: root,
  env,
  stdio: "inherit",
});
if (result.status !== 0) {
  console.error("prisma generate failed; see the message above.");
  process.exit(result.status ?? 1);
}
