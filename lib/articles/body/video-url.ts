// YouTube videos in a story are stored as their 11-character id only, never as a URL or embed
// HTML from the client; the server builds the privacy-enhanced (youtube-nocookie.com) embed from
// the id. Shared by the editor's video dialog, the body schema and the renderer: no Node APIs.

export const YOUTUBE_VIDEO_ID = /^[A-Za-z0-9_-]{11}$/;

export function isYoutubeVideoId(value: unknown): value is string {
  return typeof value === "string" && YOUTUBE_VIDEO_ID.test(value);
}

const YOUTUBE_HOSTS = new Set(["youtube.com", "www.youtube.com", "m.youtube.com", "music.youtube.com", "youtube-nocookie.com", "www.youtube-nocookie.com", "youtu.be", "www.youtu.be"]);

/**
 * The video id from what a reporter pasted: a watch, share (youtu.be), embed, shorts or live
 * link, or the bare id. Null when it is not a YouTube video.
 */
export function youtubeVideoIdFrom(input: string): string | null {
  const typed = input.trim();
  if (isYoutubeVideoId(typed)) return typed;
  let url: URL;
  try {
    url = new URL(/^[a-z]+:\/\//i.test(typed) ? typed : `https://${typed}`);
  } catch {
    return null;
  }
  if (url.protocol !== "https:" && url.protocol !== "http:") return null;
  const host = url.hostname.toLowerCase();
  if (!YOUTUBE_HOSTS.has(host)) return null;
  const segments = url.pathname.split("/").filter(Boolean);
  let candidate: string | null | undefined;
  if (host.endsWith("youtu.be")) candidate = segments[0];
  else if (segments[0] === "watch") candidate = url.searchParams.get("v");
  else if (segments[0] && ["embed", "shorts", "live", "v"].includes(segments[0])) candidate = segments[1];
  return isYoutubeVideoId(candidate) ? candidate : null;
}

/** The only embed address the server ever renders for a video. */
export function youtubeEmbedUrl(videoId: string): string {
  return `https://www.youtube-nocookie.com/embed/${videoId}`;
}

export const YOUTUBE_EMBED_URL = /^https:\/\/www\.youtube-nocookie\.com\/embed\/[A-Za-z0-9_-]{11}$/;
