import "server-only";
// A guest's comment password only lets its writer delete that one comment, so it is hashed far
// more cheaply than a staff password: argon2id with 2 MiB and one pass (about 0.5 ms here, where
// the staff setting of 19 MiB and two passes takes about 40 ms). At the staff setting, hashing
// alone would cap posting near 50 comments a second on two cores; the issue asks for 300. It is
// still a memory-hard salted hash, so a stolen table does not hand over readers' passwords (which
// many reuse) for the price of a plain hash. The stored hash carries its parameters: they can be
// raised later without a migration.
import { hash, verify } from "@node-rs/argon2";

const COMMENT_ARGON2 = { memoryCost: 2048, timeCost: 1, parallelism: 1 } as const;

export function hashCommentPassword(password: string): Promise<string> {
  return hash(password, COMMENT_ARGON2);
}

let dummyHash: Promise<string> | undefined;

/**
 * Whether `password` is the comment's; argon2's comparison is constant-time. A comment without a
 * password (posted by staff) is checked against a dummy hash, so the answer takes as long.
 */
export async function verifyCommentPassword(passwordHash: string | null, password: string): Promise<boolean> {
  dummyHash ??= hashCommentPassword("no-password-for-this-comment");
  try {
    const ok = await verify(passwordHash ?? (await dummyHash), password);
    return ok && passwordHash !== null;
  } catch {
    return false;
  }
}
