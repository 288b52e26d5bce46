// The read-replica and backup settings (lib/config/env.ts) and the WAL position arithmetic the
// replica lag measure relies on (lib/db/read-replicas.ts).
import { describe, expect, it } from "vitest";
import { ConfigError, readEnv } from "@/lib/config/env";
import { walArchiveSettings } from "@/lib/db/backups";
import { lsnToBigInt } from "@/lib/db/read-replicas";

describe("replica and backup settings", () => {
  it("DATABASE_REPLICA_URLS is a comma-separated list of PostgreSQL URLs", () => {
    const env = readEnv({ DATABASE_REPLICA_URLS: " postgresql://r:p@replica-1:5432/news , postgresql://r:p@replica-2/news," });
    expect(env.DATABASE_REPLICA_URLS).toEqual(["postgresql://r:p@replica-1:5432/news", "postgresql://r:p@replica-2/news"]);
    expect(env.REPLICA_MAX_LAG_SECONDS).toBe(10);
    expect(readEnv({}).DATABASE_REPLICA_URLS).toBeUndefined();
  });

  it.each([
    [{ DATABASE_REPLICA_URLS: "postgresql://r:p@replica-1/news,mysql://x/y" }, /DATABASE_REPLICA_URLS/],
    [{ REPLICA_MAX_LAG_SECONDS: "0" }, /REPLICA_MAX_LAG_SECONDS/],
    [{ BACKUP_KEEP: "none" }, /BACKUP_KEEP/],
  ])("a bad value fails with a ConfigError naming it (%o)", (source, message) => {
    expect(() => readEnv(source)).toThrow(ConfigError);
    expect(() => readEnv(source)).toThrow(message);
  });

  it("WAL positions order as numbers across the high word", () => {
    expect(lsnToBigInt("0/0")).toBe(0n);
    expect(lsnToBigInt("0/FFFFFFFF") < lsnToBigInt("1/0")).toBe(true);
    expect(lsnToBigInt("16/B374D848")).toBe(0x16n * 2n ** 32n + 0xb374d848n);
  });

  it("archiving never overwrites an archived segment, and refuses a path it cannot quote", () => {
    expect(walArchiveSettings("/var/backups/news").archive_command).toBe("test ! -f '/var/backups/news/wal/%f' && cp '%p' '/var/backups/news/wal/%f'");
    expect(() => walArchiveSettings("/tmp/it's")).toThrow(/single quote/);
  });
});
