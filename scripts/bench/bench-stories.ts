// Published stories of a benchmark's own in its throw-away database (bench-comments,
// bench-reactions): one short paragraph each, with a live revision, by a bench editor.
import { createPrismaClient } from "@/lib/db/client";

/** `count` public stories; their ids, in order. */
export async function plantBenchStories(url: string, count: number): Promise<number[]> {
  const db = createPrismaClient(url);
  try {
    const author = await db.user.create({ data: { email: "bench@newsroom.test", name: "벤치기자", role: "EDITOR", passwordHash: "x" } });
    const ids: number[] = [];
    for (let i = 0; i < count; i += 1) {
      const text = `벤치마크용 기사 ${i + 1}의 본문입니다.`;
      const article = await db.article.create({
        data: {
          headline: `벤치마크 기사 ${i + 1}`,
          subHeadlines: [],
          slug: "bench",
          bodyJson: { type: "doc", content: [{ type: "paragraph", content: [{ type: "text", text }] }] },
          bodyHtml: `<p>${text}</p>`,
          bodyText: text,
          authorId: author.id,
          status: "PUBLISHED",
          approvedAt: new Date(Date.now() - 3_600_000),
          publishedAt: new Date(Date.now() - 3_600_000),
        },
      });
      const revision = await db.articleRevision.create({
        data: { articleId: article.id, number: 1, kind: "APPROVE", articleVersion: 1, headline: article.headline, subHeadlines: [], bodyJson: article.bodyJson ?? {}, bodyHtml: article.bodyHtml, bodyText: article.bodyText, createdById: author.id },
      });
      await db.article.update({ where: { id: article.id }, data: { liveRevisionId: revision.id } });
      ids.push(article.id);
    }
    return ids;
  } finally {
    await db.$disconnect();
  }
}
