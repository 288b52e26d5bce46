import { CommentsIsland } from "@/components/comments/comments-island";

/**
 * The comment area under a story. Server HTML holds only the heading and the island's shell: the
 * comments and the form load from the API in the browser, so nothing personal is in the page and
 * it stays cacheable for everyone.
 */
export function CommentsSlot({ articleId }: { articleId: number }) {
  return (
    <section id="comments" className="comments comments-section no-print" aria-labelledby="comments-heading" data-article-id={articleId}>
      <h2 id="comments-heading" className="box__title comments-section__title">
        뉴스댓글
      </h2>
      <CommentsIsland articleId={articleId} />
    </section>
  );
}
