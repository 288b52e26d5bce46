// Addresses that open a network's own share page with a story's address filled in: plain links,
// nothing is loaded from those networks until the reader follows one.

export interface ShareTarget {
  /** The story's canonical address. */
  url: string;
  title: string;
}

/** 네이버 밴드: the text of the post (headline and address) and the site it comes from. */
export function bandShareUrl({ url, title }: ShareTarget): string {
  return `https://band.us/plugin/share?body=${encodeURIComponent(`${title}\n${url}`)}&route=${encodeURIComponent(url)}`;
}

export function xShareUrl({ url, title }: ShareTarget): string {
  return `https://twitter.com/intent/tweet?url=${encodeURIComponent(url)}&text=${encodeURIComponent(title)}`;
}

export function facebookShareUrl({ url }: ShareTarget): string {
  return `https://www.facebook.com/sharer/sharer.php?u=${encodeURIComponent(url)}`;
}
