import "server-only";
// What the publisher's page measures the share of own reporting against: one value in SiteSetting
// ("eligibility.settings"), set by an admin. The default is the 30% Kakao's regional track asked
// for (imaeil.com, 2024-12-02); another portal or a later rule is a different number, not code.
import { z } from "zod";
import { assertCan } from "@/lib/auth/permissions";
import type { StaffUser } from "@/lib/auth/staff-user";
import { db } from "@/lib/db";
import { emitDomainEvent } from "@/lib/events/domain-events";
import { parseInput } from "@/lib/validation";

export const ELIGIBILITY_SETTINGS_KEY = "eligibility.settings";

const DEFAULT_OWN_REPORTING_THRESHOLD_PERCENT = 30;

const eligibilitySettingsSchema = z.object({
  /** The least share of 자체 취재, in whole percent. */
  // An empty form field is "no number", never 0%.
  ownReportingThresholdPercent: z.preprocess(
    (value) => (typeof value === "string" && value.trim() === "" ? undefined : value),
    z.coerce
      .number({ error: "기준 비율: 숫자를 입력하세요." })
      .int("기준 비율: 정수(%)로 입력하세요.")
      .min(0, "기준 비율: 0% 이상이어야 합니다.")
      .max(100, "기준 비율: 100% 이하여야 합니다."),
  ),
});

export type EligibilitySettings = z.output<typeof eligibilitySettingsSchema>;

/** The stored settings; a value that is missing or no longer parses is the default. */
export async function getEligibilitySettings(): Promise<EligibilitySettings> {
  const row = await db.siteSetting.findUnique({ where: { key: ELIGIBILITY_SETTINGS_KEY } });
  const parsed = eligibilitySettingsSchema.safeParse(row?.value);
  return parsed.success ? parsed.data : { ownReportingThresholdPercent: DEFAULT_OWN_REPORTING_THRESHOLD_PERCENT };
}

export async function updateEligibilitySettings(actor: StaffUser, input: unknown): Promise<EligibilitySettings> {
  assertCan(actor, "eligibility.configure");
  const settings = parseInput(eligibilitySettingsSchema, input);
  await db.$transaction(async (tx) => {
    await tx.siteSetting.upsert({ where: { key: ELIGIBILITY_SETTINGS_KEY }, create: { key: ELIGIBILITY_SETTINGS_KEY, value: settings }, update: { value: settings } });
    // The audit log's entry is written from the event (lib/audit/audit-consumer.ts).
    await emitDomainEvent(tx, { type: "eligibility.settings-changed", actorId: actor.id, ownReportingThresholdPercent: settings.ownReportingThresholdPercent });
  });
  return settings;
}
