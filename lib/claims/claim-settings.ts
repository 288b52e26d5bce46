import "server-only";
// The rights desk's periods and limits, one JSON value in SiteSetting ("claims.settings"), with
// the legal defaults. Read when a claim arrives (its deadlines are fixed then, so a later change
// never moves a clock already running) and by the retention purge.
import { z } from "zod";
import { assertCan } from "@/lib/auth/permissions";
import type { StaffUser } from "@/lib/auth/staff-user";
import { db } from "@/lib/db";
import type { DbTransaction } from "@/lib/db/client";
import { emitDomainEvent } from "@/lib/events/domain-events";
import { parseInput } from "@/lib/validation";

export const CLAIM_SETTINGS_KEY = "claims.settings";

const count = (min: number, max: number, label: string) =>
  z.coerce.number({ error: `${label}: 숫자를 입력하세요.` }).int(`${label}: 정수를 입력하세요.`).min(min, `${label}: ${min} 이상이어야 합니다.`).max(max, `${label}: ${max} 이하여야 합니다.`);

const claimSettingsSchema = z.object({
  /** 언론중재법 제15조 제2항: the paper tells the claimant within 3 days whether it accepts. */
  replyDays: count(1, 30, "수용 여부 통지 기한(일)"),
  /** 제15조 제3항: an accepted correction is published within 7 days of receipt. */
  publishDays: count(1, 60, "정정보도 게재 기한(일)"),
  /** 정보통신망법 제44조의2 제2항 says "지체 없이": the paper's own period for takedown requests. */
  takedownReplyDays: count(1, 30, "삭제·임시조치 요청 처리 기한(일)"),
  /** Days after a claim ends that the claimant's personal data is kept (개인정보 보호법 제21조: then destroyed). */
  retentionDays: count(30, 3650, "개인정보 보유 기간(일)"),
  /** Claims from one source (the comment filter's: a network) per hour and per day. */
  maxPerHourPerSource: count(1, 100, "한 출처의 시간당 청구 수"),
  maxPerDayPerSource: count(1, 1000, "한 출처의 하루 청구 수"),
});

export type ClaimSettings = z.infer<typeof claimSettingsSchema>;

export const DEFAULT_CLAIM_SETTINGS: ClaimSettings = {
  replyDays: 3,
  publishDays: 7,
  takedownReplyDays: 1,
  // Three years: a claim may still lead to a damages suit for that long (민법 제766조 제1항).
  retentionDays: 1095,
  maxPerHourPerSource: 3,
  maxPerDayPerSource: 10,
};

/** The stored settings over the defaults; a stored value that no longer parses falls back to its default. */
function claimSettingsFrom(stored: unknown): ClaimSettings {
  const settings = { ...DEFAULT_CLAIM_SETTINGS };
  if (stored && typeof stored === "object") {
    for (const key of Object.keys(DEFAULT_CLAIM_SETTINGS) as (keyof ClaimSettings)[]) {
      const parsed = claimSettingsSchema.shape[key].safeParse((stored as Record<string, unknown>)[key]);
      if (parsed.success) Object.assign(settings, { [key]: parsed.data });
    }
  }
  return settings;
}

export async function readClaimSettings(client: DbTransaction = db): Promise<ClaimSettings> {
  const row = await client.siteSetting.findUnique({ where: { key: CLAIM_SETTINGS_KEY } });
  return claimSettingsFrom(row?.value);
}

/** The settings for the admin's form. */
export async function getClaimSettings(actor: StaffUser): Promise<ClaimSettings> {
  assertCan(actor, "claim.configure");
  return readClaimSettings();
}

export async function updateClaimSettings(actor: StaffUser, input: unknown): Promise<ClaimSettings> {
  assertCan(actor, "claim.configure");
  const settings = parseInput(claimSettingsSchema, input);
  await db.$transaction(async (tx) => {
    await tx.siteSetting.upsert({ where: { key: CLAIM_SETTINGS_KEY }, create: { key: CLAIM_SETTINGS_KEY, value: settings }, update: { value: settings } });
    await emitDomainEvent(tx, { type: "claim.settings-changed", actorId: actor.id, settings });
  });
  return settings;
}
