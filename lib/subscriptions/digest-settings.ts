import "server-only";
// The morning digest's settings, set by an admin: whether it goes and at what time (KST). One
// JSON value in SiteSetting; saving it moves the waiting digest job to the new time at once.
import { z } from "zod";
import { recordAudit } from "@/lib/audit/record-audit";
import { assertCan } from "@/lib/auth/permissions";
import type { StaffUser } from "@/lib/auth/staff-user";
import { db } from "@/lib/db";
import type { Db } from "@/lib/db/client";
import { nextDigestAt } from "@/lib/subscriptions/digest-time";
import { enqueueDigest, removeDigestJob } from "@/lib/subscriptions/mail-queue";
import { parseInput } from "@/lib/validation";

export const DIGEST_SETTINGS_KEY = "newsletter.digest";

const digestSettingsSchema = z.object({
  enabled: z.boolean({ error: "발송 여부를 고르세요." }),
  time: z.string({ error: "발송 시각을 입력하세요." }).regex(/^([01]\d|2[0-3]):[0-5]\d$/, "발송 시각은 07:00처럼 24시간제로 입력하세요."),
});

export type DigestSettings = z.infer<typeof digestSettingsSchema>;

export const DEFAULT_DIGEST_SETTINGS: DigestSettings = { enabled: true, time: "07:00" };

export async function getDigestSettings(client: Pick<Db, "siteSetting"> = db): Promise<DigestSettings> {
  const row = await client.siteSetting.findUnique({ where: { key: DIGEST_SETTINGS_KEY } });
  const parsed = digestSettingsSchema.safeParse(row?.value);
  return parsed.success ? parsed.data : DEFAULT_DIGEST_SETTINGS;
}

export async function updateDigestSettings(actor: StaffUser, input: unknown, now = new Date()): Promise<DigestSettings> {
  assertCan(actor, "newsletter.configure");
  const settings = parseInput(digestSettingsSchema, input);
  await db.$transaction(async (tx) => {
    await tx.siteSetting.upsert({ where: { key: DIGEST_SETTINGS_KEY }, create: { key: DIGEST_SETTINGS_KEY, value: settings }, update: { value: settings } });
    if (settings.enabled) await enqueueDigest(tx, nextDigestAt(now, settings.time), false);
    else await removeDigestJob(tx);
    await recordAudit({ actorId: actor.id, action: "newsletter.settings", targetType: "SiteSetting", targetId: DIGEST_SETTINGS_KEY, detail: settings }, tx);
  });
  return settings;
}

/** At start: the digest is on the queue at its time, unless one already waits (it keeps its time). */
export async function scheduleDigestAtStart(client: Db = db, now = new Date()): Promise<void> {
  const settings = await getDigestSettings(client);
  if (settings.enabled) await enqueueDigest(client, nextDigestAt(now, settings.time), true);
}
