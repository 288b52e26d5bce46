import "server-only";
// The blocked-word list: kept in the BlockedWord table, managed by admins, compiled into a
// matcher once per list version and kept in memory. Every change bumps a version number in
// SiteSetting in the same transaction; the post path reads that number with the rest of its
// context, so every app instance recompiles as soon as the list changes and never between.
// The starter list (data/starter-ko.txt) is loaded the first time comments are used.
import { readFileSync } from "node:fs";
import path from "node:path";
import { z } from "zod";
import { recordAudit } from "@/lib/audit/record-audit";
import { assertCan } from "@/lib/auth/permissions";
import type { StaffUser } from "@/lib/auth/staff-user";
import { compileBlockedWords, type BlockedWordHit, type BlockedWordMatcher } from "@/lib/comments/blocked-words/blocked-word-matcher";
import { buildLetterStream } from "@/lib/comments/blocked-words/letter-stream";
import { compileWordPattern } from "@/lib/comments/blocked-words/word-pattern";
import { parseWordList } from "@/lib/comments/blocked-words/word-list-file";
import { db } from "@/lib/db";
import type { DbTransaction } from "@/lib/db/client";
import { emitDomainEvent } from "@/lib/events/domain-events";
import { invalid } from "@/lib/errors";
import { intId, safeText } from "@/lib/schemas/common";
import { parseInput } from "@/lib/validation";

export const BLOCKED_WORDS_VERSION_KEY = "comments.blockedWordsVersion";
/** Advisory-lock namespace for comment work (two-key form, apart from Prisma's one-key lock). */
export const COMMENT_LOCK_NAMESPACE = 1_020_100;

const DATA_DIR = path.join(process.cwd(), "lib", "comments", "blocked-words", "data");
const readDataFile = (name: string) => parseWordList(readFileSync(path.join(DATA_DIR, name), "utf8"));

let innocentWords: string[] | undefined;
let cached: { version: number; matcher: BlockedWordMatcher } | undefined;
// Concurrent posts that find the list changed wait for one reload instead of each reloading.
let loading: { version: number | null; matcher: Promise<BlockedWordMatcher> } | undefined;

/** The stored form of a word: folded like comment text, with white space and separators removed. */
export function storedFormOf(word: string): string {
  return buildLetterStream(word.normalize("NFC")).plain.replace(/[\s\p{P}\p{S}]+/gu, "");
}

/** The list's version number from its SiteSetting value (null: never initialised). */
export function versionFrom(value: unknown): number | null {
  return typeof value === "number" && Number.isSafeInteger(value) ? value : null;
}

/**
 * The matcher for list `version` (as read by the caller, e.g. with the posting context). Compiled
 * again only when the version moved; a list never initialised gets the starter list first.
 */
export async function blockedWordMatcher(version: number | null): Promise<BlockedWordMatcher> {
  if (cached && version !== null && cached.version === version) return cached.matcher;
  if (loading?.version === version) return loading.matcher;
  const matcher = loadMatcher(version);
  loading = { version, matcher };
  try {
    return await matcher;
  } finally {
    if (loading?.matcher === matcher) loading = undefined;
  }
}

async function loadMatcher(version: number | null): Promise<BlockedWordMatcher> {
  const current = version ?? (await seedStarterList());
  const words = await db.blockedWord.findMany({ select: { word: true }, orderBy: { id: "asc" } });
  innocentWords ??= readDataFile("innocent-ko.txt");
  cached = { version: current, matcher: compileBlockedWords(words.map((row) => row.word), innocentWords) };
  return cached.matcher;
}

async function readVersion(client: DbTransaction = db): Promise<number | null> {
  const row = await client.siteSetting.findUnique({ where: { key: BLOCKED_WORDS_VERSION_KEY } });
  return versionFrom(row?.value);
}

/** Loads the starter list once (several instances may race here: one advisory lock decides). */
async function seedStarterList(): Promise<number> {
  return db.$transaction(async (tx) => {
    await tx.$executeRaw`SELECT pg_advisory_xact_lock(${COMMENT_LOCK_NAMESPACE}::int, 0)`;
    const existing = await readVersion(tx);
    if (existing !== null) return existing;
    const words = [...new Set(readDataFile("starter-ko.txt").map(storedFormOf).filter(Boolean))];
    await tx.blockedWord.createMany({ data: words.map((word) => ({ word })), skipDuplicates: true });
    await tx.siteSetting.create({ data: { key: BLOCKED_WORDS_VERSION_KEY, value: 1 } });
    return 1;
  });
}

async function bumpVersion(tx: DbTransaction): Promise<number> {
  const rows = await tx.$queryRaw<{ version: number }[]>`
    INSERT INTO "SiteSetting" ("key", "value", "updatedAt") VALUES (${BLOCKED_WORDS_VERSION_KEY}, '1'::jsonb, now())
    ON CONFLICT ("key") DO UPDATE SET "value" = to_jsonb(("SiteSetting"."value" #>> '{}')::int + 1), "updatedAt" = now()
    RETURNING ("value" #>> '{}')::int AS "version"`;
  const version = rows[0]?.version ?? 1;
  await emitDomainEvent(tx, { type: "comment.blocked-words-changed", version });
  return version;
}

export interface BlockedWordRow {
  id: number;
  word: string;
  createdAt: Date;
  createdBy: { name: string } | null;
}

export async function listBlockedWords(actor: StaffUser): Promise<BlockedWordRow[]> {
  assertCan(actor, "comment.configure");
  await blockedWordMatcher(await readVersion());
  return db.blockedWord.findMany({ orderBy: { word: "asc" }, select: { id: true, word: true, createdAt: true, createdBy: { select: { name: true } } } });
}

const addWordsSchema = z.object({
  words: safeText({ max: 5000, min: 1, minMessage: "추가할 금칙어를 한 줄에 하나씩 쓰세요." }),
});

/** Adds the words listed one per line; returns the ones that were new. */
export async function addBlockedWords(actor: StaffUser, input: unknown): Promise<string[]> {
  assertCan(actor, "comment.configure");
  const { words } = parseInput(addWordsSchema, input);
  const forms = [...new Set(parseWordList(words).map(storedFormOf))];
  for (const form of forms) {
    if (form.length > 30) throw invalid(`금칙어는 30자 이내로 쓰세요: ${form.slice(0, 30)}…`);
    if (!compileWordPattern(form)) throw invalid(`글자가 없는 금칙어는 쓸 수 없습니다: ${form}`);
  }
  if (forms.length === 0) throw invalid("추가할 금칙어를 한 줄에 하나씩 쓰세요.");
  await blockedWordMatcher(await readVersion());
  return db.$transaction(async (tx) => {
    const existing = new Set((await tx.blockedWord.findMany({ where: { word: { in: forms } }, select: { word: true } })).map((row) => row.word));
    const added = forms.filter((form) => !existing.has(form));
    if (added.length === 0) return [];
    await tx.blockedWord.createMany({ data: added.map((word) => ({ word, createdById: actor.id })), skipDuplicates: true });
    const version = await bumpVersion(tx);
    await recordAudit({ actorId: actor.id, action: "comment.blocked-words.add", targetType: "BlockedWord", detail: { words: added, version } }, tx);
    return added;
  });
}

const removeWordsSchema = z.object({ ids: z.array(intId("금칙어 번호가 올바르지 않습니다."), { error: "지울 금칙어를 고르세요." }).min(1, "지울 금칙어를 고르세요.").max(1000) });

export async function removeBlockedWords(actor: StaffUser, input: unknown): Promise<number> {
  assertCan(actor, "comment.configure");
  const { ids } = parseInput(removeWordsSchema, input);
  return db.$transaction(async (tx) => {
    const rows = await tx.blockedWord.findMany({ where: { id: { in: ids } }, select: { word: true } });
    const { count } = await tx.blockedWord.deleteMany({ where: { id: { in: ids } } });
    if (count === 0) return 0;
    const version = await bumpVersion(tx);
    await recordAudit({ actorId: actor.id, action: "comment.blocked-words.remove", targetType: "BlockedWord", detail: { words: rows.map((row) => row.word), version } }, tx);
    return count;
  });
}

const testTextSchema = z.object({ text: safeText({ max: 1000, min: 1, minMessage: "시험할 문장을 쓰세요." }) });

/** What the current list makes of a sentence (the admin's "try it" box). */
export async function testBlockedWords(actor: StaffUser, input: unknown): Promise<BlockedWordHit | null> {
  assertCan(actor, "comment.configure");
  const { text } = parseInput(testTextSchema, input);
  return (await blockedWordMatcher(await readVersion())).findBlockedWord(text);
}
