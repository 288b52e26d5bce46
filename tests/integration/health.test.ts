import { afterEach, describe, expect, it } from "vitest";
import { createPrismaClient, type Db } from "@/lib/db/client";
import { checkHealth } from "@/lib/health/check-health";

const holder = globalThis as unknown as { newsroomDb?: Db };

describe("health check", () => {
  const original = holder.newsroomDb;
  afterEach(() => {
    holder.newsroomDb = original;
  });

  it("reports the database up", async () => {
    expect(await checkHealth()).toMatchObject({ status: "ok", database: "up" });
  });

  it("reports the database down, quickly, when it cannot be reached", async () => {
    holder.newsroomDb = createPrismaClient("postgresql://nobody:x@127.0.0.1:1/none");
    const started = Date.now();
    expect(await checkHealth()).toMatchObject({ status: "degraded", app: "up", database: "down" });
    expect(Date.now() - started).toBeLessThan(6_000);
  });
});
