// Gives every integration test file its own database, copied from the migrated template, and
// points DATABASE_URL (and so lib/db.ts) at it before the file's imports run; likewise MEDIA_DIR.
import { randomUUID } from "node:crypto";
import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, inject } from "vitest";
import type { Db } from "@/lib/db/client";
import { createDatabaseFromTemplate, databaseUrl, dropDatabase } from "./test-cluster";

const adminUrl = inject("testDatabaseAdminUrl");
const name = `test_${randomUUID().replaceAll("-", "").slice(0, 16)}`;
await createDatabaseFromTemplate(adminUrl, name);
process.env.DATABASE_URL = databaseUrl(adminUrl, name);
process.env.NEXTAUTH_SECRET ??= "test-secret-test-secret-test-secret-0123";
process.env.IP_HASH_SALT ??= "test-ip-hash-salt-0123";
// Uploaded and seeded images go to a folder of this file's own, removed afterwards.
const mediaDir = await mkdtemp(path.join(tmpdir(), "newsroom-test-media-"));
process.env.MEDIA_DIR = mediaDir;

afterAll(async () => {
  const holder = globalThis as unknown as { newsroomDb?: Db };
  await holder.newsroomDb?.$disconnect();
  holder.newsroomDb = undefined;
  await dropDatabase(adminUrl, name);
  await rm(mediaDir, { recursive: true, force: true });
});
