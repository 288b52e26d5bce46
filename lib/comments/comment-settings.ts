import "server-only";
// The desk's comment rules, one JSON value in SiteSetting ("comments.settings"), with the issue's
// defaults. Read on every post (one row, in the same query as the rest of the posting context),
// so a change applies at once on every app instance.
import { z } from "zod";
import { recordAudit } from "@/lib/audit/record-audit";
import { assertCan } from "@/lib/auth/permissions";
import type { StaffUser } from "@/lib/auth/staff-user";
import { db } from "@/lib/db";
import { emitDomainEvent } from "@/lib/events/domain-events";
import { parseInput } from "@/lib/validation";

export const COMMENT_SETTINGS_KEY = "comments.settings";

const count = (min: number, max: number, label: string) =>
  z.coerce.number({ error: `${label}: 숫자를 입력하세요.` }).int(`${label}: 정수를 입력하세요.`).min(min, `${label}: ${min} 이상이어야 합니다.`).max(max, `${label}: ${max} 이하여야 합니다.`);

const commentSettingsSchema = z.object({
  /** One comment per source per this many seconds (any story). 0 turns the rule off. */
  minIntervalSeconds: count(0, 3600, "연속 등록 간격(초)"),
  /** At most this many comments per source per story per hour. */
  maxPerHourPerStory: count(1, 1000, "기사당 시간당 댓글 수"),
  /** The same text again from the same source within this many minutes is refused. */
  duplicateWindowMinutes: count(0, 1440, "같은 글 반복 금지(분)"),
  /** More links than this and the comment waits for the desk. */
  maxLinks: count(0, 20, "링크 수"),
  /** Reports from this many different visitors hide a comment until the desk decides. */
  reportHideThreshold: count(1, 100, "자동 숨김 신고 수"),
  /** What a blocked word does: hold the comment for review, or refuse it outright. */
  blockedWordAction: z.enum(["hold", "reject"], { error: "금칙어 처리 방식을 고르세요." }),
});

export type CommentSettings = z.infer<typeof commentSettingsSchema>;

export const DEFAULT_COMMENT_SETTINGS: CommentSettings = {
  minIntervalSeconds: 15,
  maxPerHourPerStory: 10,
  duplicateWindowMinutes: 60,
  maxLinks: 2,
  reportHideThreshold: 3,
  blockedWordAction: "hold",
};

/** The stored settings over the defaults; a stored value that no longer parses falls back to its default. */
export function commentSettingsFrom(stored: unknown): CommentSettings {
  const settings = { ...DEFAULT_COMMENT_SETTINGS };
  if (stored && typeof stored === "object") {
    for (const key of Object.keys(DEFAULT_COMMENT_SETTINGS) as (keyof CommentSettings)[]) {
      const parsed = commentSettingsSchema.shape[key].safeParse((stored as Record<string, unknown>)[key]);
      if (parsed.success) Object.assign(settings, { [key]: parsed.data });
    }
  }
  return settings;
}

export async function getCommentSettings(): Promise<CommentSettings> {
  const row = await db.siteSetting.findUnique({ where: { key: COMMENT_SETTINGS_KEY } });
  return commentSettingsFrom(row?.value);
}

export async function updateCommentSettings(actor: StaffUser, input: unknown): Promise<CommentSettings> {
  assertCan(actor, "comment.configure");
  const settings = parseInput(commentSettingsSchema, input);
  await db.$transaction(async (tx) => {
    await tx.siteSetting.upsert({ where: { key: COMMENT_SETTINGS_KEY }, create: { key: COMMENT_SETTINGS_KEY, value: settings }, update: { value: settings } });
    await emitDomainEvent(tx, { type: "comment.settings-changed" });
    await recordAudit({ actorId: actor.id, action: "comment.settings", targetType: "SiteSetting", targetId: COMMENT_SETTINGS_KEY, detail: settings }, tx);
  });
  return settings;
}
