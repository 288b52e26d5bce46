// Small builders for integration tests. They write through the real Prisma client.
import { db } from "@/lib/db";
import { mediaStorage } from "@/lib/media/storage";
import { seedDemoNewsroom } from "@/lib/seed/demo-newsroom";

export const TEST_PASSWORD = "test-password-for-staff-42";

export async function seedDemo(now = new Date()) {
  return seedDemoNewsroom(db, { password: async () => TEST_PASSWORD, storage: mediaStorage, now });
}
