import "server-only";
// When the desk takes over a story someone has open, that person's saves of it are refused by
// the server (not only greyed out in their browser) until they open the story again.
import type { DbTransaction } from "@/lib/db/client";
import { conflict } from "@/lib/errors";

/** Who took the story from `userId`, if the desk did and they have not reopened it since. */
export async function findTakeover(tx: DbTransaction, articleId: number, userId: string): Promise<{ id: string; name: string } | null> {
  const takeover = await tx.articleEditTakeover.findUnique({
    where: { articleId_userId: { articleId, userId } },
    select: { takenBy: { select: { id: true, name: true } } },
  });
  return takeover?.takenBy ?? null;
}

export async function assertNotTakenOver(tx: DbTransaction, articleId: number, userId: string): Promise<void> {
  const takenBy = await findTakeover(tx, articleId, userId);
  if (!takenBy) return;
  throw conflict(`${takenBy.name}님이 이 기사 편집을 넘겨받았습니다. 내 글은 이 화면에 남아 있으니 필요한 부분을 복사해 두고, 기사를 다시 열어 최신 내용에서 이어 쓰세요.`, {
    reason: "taken-over",
    takenOverBy: takenBy,
  });
}
