// Which /api/v1 routes the fast lane answers (server/api-fast-lane.ts), as their route files say
// (`fastLane: true` in the spec, lib/api/route-spec.ts). Reading the specs means importing every
// route module, which the server process should not hold (the staff routes bring the editor's
// and the image pipeline's code): so the table is written once per build, by a child process
// (scripts/fast-lane-table.ts, run by server/build.ts), beside the build it belongs to, and the
// server reads it at start.
import { readFile } from "node:fs/promises";
import path from "node:path";
import type { HttpMethod } from "@/lib/api/route-spec";
import { StartupError } from "@/lib/config/startup-error";
import type { ApiRoute } from "@/lib/api/route-table";

export const FAST_LANE_TABLE_FILE = path.join(process.cwd(), ".next", "newsroom-fast-lane.json");

export interface FastLaneTable {
  /** The routes the lane answers. */
  lane: { method: HttpMethod; path: string; file: string }[];
  /** Every route path, so the lane leaves a request to Next.js when a more specific route matches it. */
  paths: string[];
}

export function fastLaneTableOf(routes: readonly ApiRoute[]): FastLaneTable {
  const lane = routes.filter((route) => route.access === "public" && route.fastLane).map(({ method, path, file }) => ({ method, path, file }));
  return { lane, paths: [...new Set(routes.map((route) => route.path))] };
}

export async function readFastLaneTable(): Promise<FastLaneTable> {
  try {
    return JSON.parse(await readFile(FAST_LANE_TABLE_FILE, "utf8")) as FastLaneTable;
  } catch (error) {
    throw new StartupError(`cannot read the fast lane's table ${FAST_LANE_TABLE_FILE} (${String(error)}); npm start writes it with the build`);
  }
}
