import { describe, expect, it } from "vitest";
import { explainStartFailure } from "@/lib/db/embedded";

describe("explaining why the embedded PostgreSQL did not start", () => {
  it.each([
    ['FATAL:  lock file "postmaster.pid" already exists\nHINT:  Is another postmaster (PID 4242) running in data directory "/d"?', /already in use by another running newsroom \(PostgreSQL PID 4242\)/],
    ['LOG:  could not bind IPv4 address "127.0.0.1": Address already in use', /port 5555 for the embedded PostgreSQL is in use.*EMBEDDED_PG_PORT/],
    ["FATAL:  data directory has invalid permissions", /did not start: FATAL:  data directory has invalid permissions/],
    ["", /did not start: no reason given/],
  ])("%s", (log, expected) => {
    expect(explainStartFailure(log, "/d", 5555)).toMatch(expected);
  });
});
