import { Island } from "@/components/islands/island";

/**
 * Where the comment area mounts: the heading, then the comments island (components/comments),
 * which loads everything from the API after the page arrives. Server HTML holds nothing
 * personal, so the page stays cacheable for everyone.
 */
export function CommentsSlot({ articleId }: { articleId: number }) {
  return (
    <section id="comments" className="comments no-print" aria-labelledby="comments-heading" data-article-id={articleId}>
      <h2 id="comments-heading" className="box__title">
        뉴스댓글
      </h2>
      <Island name="comments" props={{ articleId }} />
    </section>
  );
}
