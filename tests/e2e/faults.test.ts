// The short run of the fault drills (the full one: `npm run test:faults`, scripts/faults.ts),
// against the real app (production build, scripts/start.ts) and its own embedded PostgreSQL on
// loopback: SIGKILL in the middle of 200 concurrent writes, PostgreSQL stopped for 10 s under
// reader load, a read-only and a full media folder during an upload, and a short soak.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startFaultApp, type FaultApp } from "../support/fault-app";
import { databaseOutageDrill, killDuringWritesDrill, mediaFolderDrill, soakDrill } from "../support/fault-drills";

let app: FaultApp;

beforeAll(async () => {
  app = await startFaultApp();
}, 180_000);

afterAll(async () => {
  await app?.stop();
});

describe("faults (short run)", () => {
  it("SIGKILL during 200 concurrent saves, submissions and comments: all or nothing, nothing acknowledged lost", async () => {
    const result = await killDuringWritesDrill(app, 200);
    expect(result.violations, JSON.stringify(result.figures)).toEqual([]);
    // The kill really came in the middle: some writes were answered, some were cut off.
    expect(Number(result.figures.acknowledgedSaves) + Number(result.figures.acknowledgedComments)).toBeGreaterThan(0);
    expect(Number(result.figures.cutOffByKill)).toBeGreaterThan(0);
  }, 180_000);

  it("PostgreSQL down for 10 s under reader load: pages keep coming, health 503 then 200, staff get a Korean 503", async () => {
    const result = await databaseOutageDrill(app, 10_000, 4);
    expect(result.violations, JSON.stringify(result.figures)).toEqual([]);
    expect(Number(result.figures.readerRequestsWhileDown)).toBeGreaterThan(0);
  }, 120_000);

  it("a read-only or full media folder during an upload: a Korean 503, nothing half-written", async () => {
    const result = await mediaFolderDrill(app);
    expect(result.violations, JSON.stringify(result.figures)).toEqual([]);
  }, 60_000);

  it("a short soak: no errors", async () => {
    const result = await soakDrill(app, 8);
    expect(result.violations, JSON.stringify(result.figures)).toEqual([]);
  }, 60_000);
});
