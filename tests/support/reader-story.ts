// A published story of a test file's own in the shared e2e app's database, with what readers see
// around a story (a 정정, comments), written straight into the database like the planted stories
// and announced through domain events so that the app's caches drop what it changes.
import { articlePath } from "@/lib/articles/public/article-url";
import { slugFor } from "@/lib/articles/public/slug";
import { createPrismaClient } from "@/lib/db/client";
import { refreshSearchDocument } from "@/lib/search/search-index";

export interface ReaderStoryInput {
  headline: string;
  paragraphs: string[];
  /** The author's login e-mail (a demo reporter). */
  authorEmail: string;
  sectionSlug: string;
  correctionNote?: string;
  comments?: { nickname: string; body: string }[];
  /** When it went live (default an hour ago); a test that needs it newest of all passes a later time. */
  publishedAt?: Date;
}

export async function createReaderStory(databaseUrl: string, input: ReaderStoryInput): Promise<{ id: number; path: string }> {
  const db = createPrismaClient(databaseUrl);
  try {
    const author = await db.user.findFirstOrThrow({ where: { email: input.authorEmail } });
    const editor = await db.user.findFirstOrThrow({ where: { role: "EDITOR" } });
    const section = await db.section.findUniqueOrThrow({ where: { slug: input.sectionSlug } });
    const past = input.publishedAt ?? new Date(Date.now() - 3_600_000);
    const content = {
      headline: input.headline,
      subHeadlines: [],
      bodyJson: { type: "doc", content: input.paragraphs.map((text) => ({ type: "paragraph", content: [{ type: "text", text }] })) },
      bodyHtml: input.paragraphs.map((text) => `<p>${text}</p>`).join(""),
      bodyText: input.paragraphs.join("\n"),
    };
    const article = await db.article.create({
      data: { ...content, slug: slugFor(input.headline), sectionId: section.id, authorId: author.id, status: "PUBLISHED", approvedAt: past, approvedById: editor.id, publishedAt: past },
    });
    const revision = await db.articleRevision.create({
      data: { ...content, articleId: article.id, number: 1, kind: "APPROVE", articleVersion: 1, sectionId: section.id, createdById: editor.id },
    });
    await db.article.update({ where: { id: article.id }, data: { liveRevisionId: revision.id } });
    await refreshSearchDocument(db, article.id);
    if (input.correctionNote) {
      await db.articleCorrection.create({ data: { articleId: article.id, type: "CORRECTION", note: input.correctionNote, createdById: editor.id } });
    }
    for (const comment of input.comments ?? []) {
      await db.comment.create({ data: { articleId: article.id, body: comment.body, guestName: comment.nickname, ipHash: "reader-story-test" } });
    }
    await db.domainEvent.createMany({
      data: [
        { type: "article.published", payload: { articleId: article.id } },
        { type: "comment.posted", payload: { articleId: article.id } },
      ],
    });
    return { id: article.id, path: articlePath(article) };
  } finally {
    await db.$disconnect();
  }
}
