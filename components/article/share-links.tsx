/** Share links to the big networks: plain links, nothing loaded from their servers. */
export function ShareLinks({ url, title }: { url: string; title: string }) {
  const encodedUrl = encodeURIComponent(url);
  return (
    <ul className="share-links" aria-label="다른 곳에 공유">
      <li>
        <a href={`https://twitter.com/intent/tweet?url=${encodedUrl}&text=${encodeURIComponent(title)}`} target="_blank" rel="noopener noreferrer">
          X에 공유
        </a>
      </li>
      <li>
        <a href={`https://www.facebook.com/sharer/sharer.php?u=${encodedUrl}`} target="_blank" rel="noopener noreferrer">
          페이스북에 공유
        </a>
      </li>
    </ul>
  );
}
