import { KEEP_WORD_CLASS, keepWordRuns } from "@/lib/format/keep-words";

/**
 * Text whose Korean words stay whole at the end of a line, punctuation inside them included
 * (lib/format/keep-words.ts). Rendered as text (escaped by React); no hooks, so server pages and
 * client islands both use it.
 */
export function KeepWords({ text }: { text: string }) {
  return (
    <>
      {keepWordRuns(text).map((run, index) =>
        run.keep ? (
          <span key={index} className={KEEP_WORD_CLASS}>
            {run.text}
          </span>
        ) : (
          run.text
        ),
      )}
    </>
  );
}
