// FRONT_PROCESS: the front process is the default (issue 24: a cache hit costs less CPU outside
// Next.js's process), `off` keeps one process, anything else is refused at start-up by name.
import { describe, expect, it } from "vitest";
import { readEnv } from "@/lib/config/env";

const DATABASE_URL = "postgresql://u:p@db.example:5432/news";

describe("the FRONT_PROCESS setting", () => {
  it("is on unless set", () => {
    expect(readEnv({ DATABASE_URL }).FRONT_PROCESS).toBe("on");
  });

  it("can be turned off, and refuses anything but on or off with the setting's name", () => {
    expect(readEnv({ DATABASE_URL, FRONT_PROCESS: "off" }).FRONT_PROCESS).toBe("off");
    expect(() => readEnv({ DATABASE_URL, FRONT_PROCESS: "yes" })).toThrow("Bad setting FRONT_PROCESS: must be on or off");
  });
});
