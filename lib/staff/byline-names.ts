import "server-only";
// No two active staff share a byline name: readers tell reporters apart by it, and a second
// "박서연" could sign stories, and receive readers' tips, as if she were the desk's. Names are
// compared as a reader reads them: after NFKC (full-width letters are letters), without spaces,
// ignoring letter case. A deactivated member's name is free; they come back only if it still is.
import type { DbTransaction } from "@/lib/db/client";
import { conflict } from "@/lib/errors";

// Changes of active staff's names are serialized by this lock and checked inside it: two admins
// giving two people the same name at the same moment cannot both succeed.
const BYLINE_NAMES_LOCK = 7_243_002;

const BYLINE_NAME_TAKEN = "같은 이름으로 활동 중인 직원이 이미 있습니다. 바이라인은 독자가 기자를 구별하는 이름이라 겹칠 수 없습니다. 다른 표기를 쓰세요(예: 이름 뒤에 영문 머리글자).";

/** Inside `tx`: refuses `name` when an active staff member other than `selfId` already has it (after the comparison above). */
export async function assertBylineNameFree(tx: DbTransaction, name: string, selfId: string | null = null): Promise<void> {
  await tx.$executeRaw`SELECT pg_advisory_xact_lock(${BYLINE_NAMES_LOCK})`;
  const comparable = name.normalize("NFKC").replace(/\s+/gu, "").toLowerCase();
  // [[:space:]], not \s: in a JS template literal "\s" is just "s".
  const taken = await tx.$queryRaw<{ id: string }[]>`
    SELECT "id" FROM "User"
    WHERE "active" AND "id" IS DISTINCT FROM ${selfId}
      AND lower(regexp_replace(normalize("name", NFKC), '[[:space:]]+', '', 'g')) = ${comparable}
    LIMIT 1`;
  if (taken.length > 0) throw conflict(BYLINE_NAME_TAKEN, { fieldErrors: { name: "같은 이름의 직원이 이미 있습니다." } });
}
