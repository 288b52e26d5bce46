/**
 * Where the comment area mounts (the comments issue fills it with its client island). Server
 * HTML holds only the heading: nothing personal, so the page stays cacheable for everyone.
 */
export function CommentsSlot({ articleId }: { articleId: number }) {
  return (
    <section id="comments" className="comments no-print" aria-labelledby="comments-heading" data-article-id={articleId}>
      <h2 id="comments-heading" className="box__title">
        뉴스댓글
      </h2>
    </section>
  );
}
