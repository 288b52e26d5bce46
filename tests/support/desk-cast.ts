// The cast most workflow tests need, created once per test file: a reporter, an editor, and the
// planted stories readers must never see (tests/support/planted-stories.ts).
import type { StaffUser } from "@/lib/auth/staff-user";
import { db } from "@/lib/db";
import { plantStories, type PlantedStories } from "./planted-stories";
import { createStaff } from "./staff-fixtures";

export async function deskCastWithPlantedStories(): Promise<{ reporter: StaffUser; editor: StaffUser; planted: PlantedStories }> {
  const reporter = await createStaff("REPORTER");
  const editor = await createStaff("EDITOR");
  return { reporter, editor, planted: await plantStories(db) };
}
