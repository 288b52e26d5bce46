import { highlightSegments } from "@/lib/search/highlight";
import { KeepWords } from "@/components/site/keep-words";

/** Text with the search terms marked; every piece is rendered as text (escaped by React). */
export function Highlighted({ text, terms }: { text: string; terms: string[] }) {
  return (
    <>
      {highlightSegments(text, terms).map((segment, index) => (segment.match ? <mark key={index}>{segment.text}</mark> : <KeepWords key={index} text={segment.text} />))}
    </>
  );
}
