// A published story of a test file's own in the shared e2e app's database (with its approved
// revision), so the comment tests can post under it without touching what other files look at.
import { createPrismaClient } from "@/lib/db/client";

export async function createPublishedStoryInApp(databaseUrl: string, headline: string): Promise<number> {
  const db = createPrismaClient(databaseUrl);
  try {
    const author = await db.user.findFirstOrThrow({ where: { email: "reporter@newsroom.test" } });
    const text = "[누리일보 이준혁 기자] 댓글 시험용 기사의 첫 문단입니다.";
    const past = new Date(Date.now() - 3_600_000);
    const article = await db.article.create({
      data: {
        headline,
        subHeadlines: ["댓글을 시험하는 기사"],
        slug: "comments-e2e",
        bodyJson: { type: "doc", content: [{ type: "paragraph", content: [{ type: "text", text }] }] },
        bodyHtml: `<p>${text}</p>`,
        bodyText: text,
        authorId: author.id,
        status: "PUBLISHED",
        approvedAt: past,
        publishedAt: past,
      },
    });
    const revision = await db.articleRevision.create({
      data: { articleId: article.id, number: 1, kind: "APPROVE", articleVersion: 1, headline, subHeadlines: article.subHeadlines, bodyJson: article.bodyJson ?? {}, bodyHtml: article.bodyHtml, bodyText: article.bodyText, createdById: author.id },
    });
    await db.article.update({ where: { id: article.id }, data: { liveRevisionId: revision.id } });
    return article.id;
  } finally {
    await db.$disconnect();
  }
}
