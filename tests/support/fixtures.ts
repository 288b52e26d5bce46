// Small builders for integration tests. They write through the real Prisma client.
import { mkdtemp } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { db } from "@/lib/db";
import { localDiskStorage } from "@/lib/media/storage";
import { seedDemoNewsroom } from "@/lib/seed/demo-newsroom";

export const TEST_PASSWORD = "test-password-for-staff-42";

export async function seedDemo(now = new Date()) {
  const storage = localDiskStorage(await mkdtemp(path.join(tmpdir(), "newsroom-media-")));
  return seedDemoNewsroom(db, { password: async () => TEST_PASSWORD, storage, now });
}
