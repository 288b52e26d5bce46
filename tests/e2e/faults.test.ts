// The short run of the fault drills (the full one: `npm run test:faults`, scripts/faults.ts),
// against the real app (production build, scripts/start.ts) and its own embedded PostgreSQL on
// loopback: SIGKILL in the middle of 200 concurrent writes, PostgreSQL stopped for 10 s under
// reader load (and with a reporter typing in the editor, in Chromium), a read-only and a full
// media folder during an upload, and a short soak; then, on a
// second app reading through a streaming replica, the replica lagging and the replica crashing.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { inChromium } from "../support/browser";
import { editorOutageDrill } from "../support/editor-outage-drill";
import { startFaultApp, type FaultApp } from "../support/fault-app";
import { databaseOutageDrill, killDuringWritesDrill, mediaFolderDrill, soakDrill } from "../support/fault-drills";
import { replicaDownDrill, replicaLagDrill } from "../support/replica-drills";

/** A drill's result; when it throws (the app gone, say), the error carries the app's last output. */
async function drill<T>(app: FaultApp, run: () => Promise<T>): Promise<T> {
  try {
    return await run();
  } catch (error) {
    throw new Error(`${String(error)}\n--- the app's last output ---\n${app.appOutput().slice(-4000)}`, { cause: error });
  }
}

/** The message a failed drill shows: its figures and the app's last output. */
const told = (app: FaultApp, figures: unknown) => `${JSON.stringify(figures)}\n--- the app's last output ---\n${app.appOutput().slice(-4000)}`;

describe("faults (short run)", () => {
  let app: FaultApp;

  beforeAll(async () => {
    app = await startFaultApp();
  }, 180_000);

  afterAll(async () => {
    await app?.stop();
  });

  it("SIGKILL during 200 concurrent saves, submissions and comments: all or nothing, nothing acknowledged lost", async () => {
    const result = await drill(app, () => killDuringWritesDrill(app, 200));
    expect(result.violations, told(app, result.figures)).toEqual([]);
    // The kill really came in the middle: some writes were answered, some were cut off.
    expect(Number(result.figures.acknowledgedSaves) + Number(result.figures.acknowledgedComments)).toBeGreaterThan(0);
    expect(Number(result.figures.cutOffByKill)).toBeGreaterThan(0);
  }, 180_000);

  it("PostgreSQL down for 10 s under reader load: pages keep coming, health 503 then 200, staff get a Korean 503", async () => {
    const result = await drill(app, () => databaseOutageDrill(app, 10_000, 4));
    expect(result.violations, told(app, result.figures)).toEqual([]);
    expect(Number(result.figures.readerRequestsWhileDown)).toBeGreaterThan(0);
  }, 120_000);

  it("PostgreSQL down while a reporter types (Chromium): a Korean message in the editor and on reload, the text kept on the device and saved once it is back", { ...inChromium, timeout: 120_000 }, async () => {
    const result = await drill(app, () => editorOutageDrill(app));
    expect(result.skipped).toBeUndefined();
    expect(result.violations, told(app, result.figures)).toEqual([]);
  });

  it("a read-only or full media folder during an upload: a Korean 503, nothing half-written", async () => {
    const result = await drill(app, () => mediaFolderDrill(app));
    expect(result.violations, told(app, result.figures)).toEqual([]);
  }, 60_000);

  it("a short soak: no errors (memory is judged only in the full run's minute)", async () => {
    const result = await drill(app, () => soakDrill(app, 8, { judgeMemory: false }));
    expect(result.violations, told(app, result.figures)).toEqual([]);
  }, 60_000);
});

describe("faults on a read replica (short run)", () => {
  let replicaApp: FaultApp;

  beforeAll(async () => {
    replicaApp = await startFaultApp({ replica: { maxLagSeconds: 3 } });
  }, 180_000);

  afterAll(async () => {
    await replicaApp?.stop();
  });

  it("the replica lags past its bound under reader load: every page a 200, a story published meanwhile shows on its page and home and stays", async () => {
    const result = await drill(replicaApp, () => replicaLagDrill(replicaApp, 7_000, 4));
    expect(result.violations, told(replicaApp, result.figures)).toEqual([]);
    expect(Number(result.figures.maxReportedLagSeconds)).toBeGreaterThan(3);
  }, 120_000);

  it("the replica crashes and comes back: every page a 200 meanwhile, readers back on the replica after", async () => {
    const result = await drill(replicaApp, () => replicaDownDrill(replicaApp, 5_000, 4));
    expect(result.violations, told(replicaApp, result.figures)).toEqual([]);
    expect(Number(result.figures.readerRequestsWhileDown)).toBeGreaterThan(0);
  }, 120_000);
});
