// Writes the fast lane's table for the current sources (server/fast-lane-table.ts); run by
// server/build.ts in a process of its own, so the route modules it imports stay out of the server.
import { writeFile } from "node:fs/promises";
import { register } from "node:module";
import { loadApiRoutes } from "@/lib/api/route-table";
import { apiRouteModulesOnDisk } from "@/server/api-route-files";
import { runCli } from "@/server/cli";
import { SERVER_ONLY_IS_EMPTY } from "@/server/server-only-hook";
import { FAST_LANE_TABLE_FILE, fastLaneTableOf } from "@/server/fast-lane-table";

await runCli(async () => {
  register(SERVER_ONLY_IS_EMPTY);
  const table = fastLaneTableOf(await loadApiRoutes(apiRouteModulesOnDisk()));
  await writeFile(FAST_LANE_TABLE_FILE, JSON.stringify(table, null, 2) + "\n");
});
