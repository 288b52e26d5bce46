// A comment's text as plain text: React escapes every character, line breaks become <br>, and
// http(s) addresses become links that pass no ranking and no window access (nofollow ugc
// noopener). Nothing a reader typed is ever parsed as HTML.
import { Fragment } from "react";
import { KeepWords } from "@/components/site/keep-words";
import { segmentCommentBody } from "@/lib/comments/comment-text";

export function CommentBody({ body }: { body: string }) {
  return (
    <p className="comment__body">
      {segmentCommentBody(body).map((segment, index) => (
        <Fragment key={index}>
          {segment.kind === "break" ? (
            <br />
          ) : segment.kind === "link" ? (
            <a href={segment.href} rel="nofollow ugc noopener" target="_blank">
              {segment.text}
            </a>
          ) : (
            <KeepWords text={segment.text} />
          )}
        </Fragment>
      ))}
    </p>
  );
}
