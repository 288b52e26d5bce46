// Derives the stored HTML and plain text of an article body from its Tiptap JSON.
// The HTML goes through an allow-list sanitizer even though the JSON was validated: two locks,
// because Tiptap's own link handling has had javascript: bugs before.
import sanitizeHtml from "sanitize-html";
import { BODY_RENDER_VERSION, createArticleBodyExtensions, type BodyMediaLookup } from "@/lib/articles/body/body-extensions";
import { createBodyHtmlRenderer } from "@/lib/articles/body/body-html";
import type { ArticleBody } from "@/lib/articles/body/body-schema";
import { bodyToPlainText } from "@/lib/articles/body/body-text";
import { YOUTUBE_EMBED_URL } from "@/lib/articles/body/video-url";

const SANITIZE_OPTIONS: sanitizeHtml.IOptions = {
  allowedTags: ["p", "h2", "h3", "strong", "em", "u", "s", "a", "ul", "ol", "li", "blockquote", "br", "hr", "figure", "picture", "source", "img", "figcaption", "span", "iframe"],
  allowedAttributes: {
    a: ["href", "rel", "target"],
    ol: ["start", "type"],
    figure: ["class"],
    span: ["class"],
    source: ["type", "srcset", "sizes"],
    img: ["src", "srcset", "sizes", "alt", "width", "height", "loading", "decoding"],
    iframe: ["src", "title", "width", "height", "loading", "referrerpolicy", "allow", "sandbox", "allowfullscreen"],
  },
  selfClosing: [...sanitizeHtml.defaults.selfClosing, "source"],
  allowedClasses: { figure: ["article-figure", "article-video"], span: ["article-figure__credit"] },
  allowedSchemes: ["http", "https", "mailto"],
  // Images only from our own /media/ paths (relative), never another host.
  allowedSchemesByTag: { img: [], source: [] },
  allowProtocolRelative: false,
  allowedIframeHostnames: ["www.youtube-nocookie.com"],
  allowIframeRelativeUrls: false,
  // Drop any iframe that is not exactly a privacy-enhanced YouTube embed, and images not ours.
  exclusiveFilter: (frame) =>
    (frame.tag === "iframe" && !YOUTUBE_EMBED_URL.test(frame.attribs.src ?? "")) || (frame.tag === "img" && !(frame.attribs.src ?? "").startsWith("/media/")),
  transformTags: {
    a: sanitizeHtml.simpleTransform("a", { rel: "noopener noreferrer nofollow", target: "_blank" }),
    // The embed's powers are fixed here, whatever the HTML said.
    iframe: sanitizeHtml.simpleTransform("iframe", {
      sandbox: "allow-scripts allow-same-origin allow-presentation allow-popups",
      referrerpolicy: "strict-origin-when-cross-origin",
      allow: "encrypted-media; picture-in-picture; fullscreen",
      loading: "lazy",
    }),
  },
};

export function sanitizeArticleHtml(html: string): string {
  return sanitizeHtml(html, SANITIZE_OPTIONS);
}

// The schema and serializer are built once (lib/articles/body/body-html.ts); the media rows of the
// body being rendered are handed to the figure node through this holder. Rendering is
// synchronous, so no other render can see another story's rows.
const NO_MEDIA: BodyMediaLookup = new Map();
let currentMedia: BodyMediaLookup = NO_MEDIA;
const bodyHtml = createBodyHtmlRenderer(createArticleBodyExtensions({ resolveMedia: (mediaId) => currentMedia.get(mediaId) }));

/**
 * HTML and plain text of a validated body. `media` holds the rows of the images the body points
 * at (lib/articles/body/body-media.ts loads them in one query); an image whose row is missing keeps
 * only its caption. `renderVersion` says which renderer made the HTML, so it can be rebuilt.
 */
export function renderArticleBody(body: ArticleBody, media: BodyMediaLookup = NO_MEDIA): { html: string; text: string; renderVersion: number } {
  currentMedia = media;
  try {
    return { html: sanitizeArticleHtml(bodyHtml(body)), text: bodyToPlainText(body), renderVersion: BODY_RENDER_VERSION };
  } finally {
    currentMedia = NO_MEDIA;
  }
}
