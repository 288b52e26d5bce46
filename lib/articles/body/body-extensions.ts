// The Tiptap extensions that define the article body's schema. The server renders stored JSON
// with exactly these, and the editor (client) loads the same list, so what a reporter sees while
// writing is what readers get. Runs in the browser: no Node-only APIs here.
//
// Images and videos are our own nodes rather than @tiptap/extension-image / -youtube: those store
// a `src` URL (any URL, and for YouTube an embed address), while a story may only point at our own
// media rows (by id, with the alt text, caption and credit the desk requires) and at a YouTube
// video by its id. The server turns the id into the picture or the privacy-enhanced embed.
import { Node, type CommandProps, type JSONContent, type NodeViewRenderer } from "@tiptap/core";
import { NodeSelection } from "@tiptap/pm/state";
import StarterKit from "@tiptap/starter-kit";
import { isSafeLinkHref } from "@/lib/articles/body/link-href";
import { isYoutubeVideoId, youtubeEmbedUrl } from "@/lib/articles/body/video-url";
import { mediaSrcSets, type MediaVariant } from "@/lib/media/media-url";

/**
 * Bump when the extension list or the HTML it renders changes: stored `bodyHtml` made by an
 * older renderer is rebuilt from the JSON (lib/articles/body/rerender-bodies.ts, run at start-up).
 * 1: paragraphs, headings, marks, lists, quotes, rules. 2: body figures and YouTube videos.
 */
export const BODY_RENDER_VERSION = 2;

/** What the renderer needs to know about an image the body points at. */
export interface BodyMedia {
  url: string;
  width: number;
  height: number;
  variants: MediaVariant[];
}
export type BodyMediaLookup = ReadonlyMap<string, BodyMedia>;

interface FigureAttributes {
  mediaId: string;
  alt: string;
  caption: string;
  credit: string;
}

declare module "@tiptap/core" {
  interface Commands<ReturnType> {
    articleFigure: {
      /** Inserts a body image (a media id from our library, with alt text, caption and credit). */
      insertFigure: (attributes: FigureAttributes) => ReturnType;
    };
    articleVideo: {
      /** Inserts a YouTube video by its 11-character id. */
      insertYoutubeVideo: (videoId: string) => ReturnType;
    };
  }
}

const FIGURE_SIZES = "(max-width: 760px) 100vw, 720px";

/** Puts a photo or video at the cursor; when a photo or video is selected, after it (never over it). */
function insertBlock({ state, commands }: CommandProps, node: JSONContent): boolean {
  const { selection } = state;
  return selection instanceof NodeSelection ? commands.insertContentAt(selection.to, node) : commands.insertContent(node);
}

export interface FigureOptions {
  /** The server passes the media rows of the body; without them only data attributes are written. */
  resolveMedia: ((mediaId: string) => BodyMedia | undefined) | null;
}

const textAttribute = (name: string) => ({
  default: "",
  rendered: false,
  parseHTML: (element: HTMLElement) => element.getAttribute(`data-${name}`) ?? "",
});

const ArticleFigure = Node.create<FigureOptions>({
  name: "figure",
  group: "block",
  atom: true,
  draggable: true,
  selectable: true,

  addOptions() {
    return { resolveMedia: null };
  },

  addAttributes() {
    return {
      mediaId: { default: null, rendered: false, parseHTML: (element) => element.getAttribute("data-media-id") },
      alt: textAttribute("alt"),
      caption: textAttribute("caption"),
      credit: textAttribute("credit"),
    };
  },

  parseHTML() {
    // Only figures copied out of this editor carry a media id; a foreign <img> is never taken
    // as a body image (its source is not ours).
    return [{ tag: "figure[data-media-id]" }];
  },

  renderHTML({ node }) {
    const { mediaId, alt, caption, credit } = node.attrs as FigureAttributes;
    const media = mediaId ? this.options.resolveMedia?.(mediaId) : undefined;
    const figcaption = caption || credit ? [["figcaption", {}, caption, ...(credit ? [" ", ["span", { class: "article-figure__credit" }, credit]] : [])]] : [];
    if (!media) {
      // The editor's clipboard form: enough to paste the same figure back in.
      return ["figure", { class: "article-figure", "data-media-id": mediaId ?? "", "data-alt": alt, "data-caption": caption, "data-credit": credit }, ...figcaption];
    }
    const srcSets = mediaSrcSets(media.variants);
    const img = ["img", { src: media.url, ...(srcSets.jpeg ? { srcset: srcSets.jpeg, sizes: FIGURE_SIZES } : {}), alt, width: String(media.width), height: String(media.height), loading: "lazy", decoding: "async" }];
    const picture = srcSets.webp ? ["picture", {}, ["source", { type: "image/webp", srcset: srcSets.webp, sizes: FIGURE_SIZES }], img] : ["picture", {}, img];
    return ["figure", { class: "article-figure" }, picture, ...figcaption];
  },

  addCommands() {
    return {
      insertFigure: (attributes) => (props) => insertBlock(props, { type: this.name, attrs: { ...attributes } }),
    };
  },
});

const ArticleVideo = Node.create({
  name: "youtube",
  group: "block",
  atom: true,
  draggable: true,
  selectable: true,

  addAttributes() {
    return {
      videoId: { default: null, rendered: false, parseHTML: (element) => element.getAttribute("data-video-id") },
    };
  },

  parseHTML() {
    return [{ tag: "figure[data-video-id]", getAttrs: (element) => (isYoutubeVideoId(element.getAttribute("data-video-id")) ? null : false) }];
  },

  renderHTML({ node }) {
    const videoId: unknown = node.attrs.videoId;
    // The id was checked by the schema; checked again here because this builds a URL.
    if (!isYoutubeVideoId(videoId)) return ["figure", { class: "article-video" }];
    return [
      "figure",
      { class: "article-video", "data-video-id": videoId },
      [
        "iframe",
        {
          src: youtubeEmbedUrl(videoId),
          title: "YouTube 동영상",
          width: "560",
          height: "315",
          loading: "lazy",
          referrerpolicy: "strict-origin-when-cross-origin",
          allow: "encrypted-media; picture-in-picture; fullscreen",
          sandbox: "allow-scripts allow-same-origin allow-presentation allow-popups",
          allowfullscreen: "true",
        },
      ],
    ];
  },

  addCommands() {
    return {
      insertYoutubeVideo: (videoId) => (props) => (isYoutubeVideoId(videoId) ? insertBlock(props, { type: this.name, attrs: { videoId } }) : false),
    };
  },
});

/**
 * The extension list: with the server's media rows when it renders HTML, with the editor's node
 * views (how a figure or video looks while writing) in the browser. Neither changes the schema.
 */
export function createArticleBodyExtensions(
  options: { resolveMedia?: FigureOptions["resolveMedia"]; nodeViews?: { figure?: NodeViewRenderer; youtube?: NodeViewRenderer } } = {},
) {
  const { figure, youtube } = options.nodeViews ?? {};
  return [
    StarterKit.configure({
      heading: { levels: [2, 3] },
      code: false,
      codeBlock: false,
      link: {
        openOnClick: false,
        autolink: true,
        protocols: ["http", "https", "mailto"],
        // The same rule as the body schema: pasted or typed links the server would refuse are
        // dropped (their text stays) instead of failing the save later.
        isAllowedUri: (url) => isSafeLinkHref(url),
        // Autolinking sees the text as typed ("www.example.com"); the mark gets https:// added.
        defaultProtocol: "https",
        shouldAutoLink: (text) => isSafeLinkHref(/^[a-z]+:/i.test(text) ? text : `https://${text}`),
        HTMLAttributes: { rel: "noopener noreferrer nofollow", target: "_blank" },
      },
    }),
    (figure ? ArticleFigure.extend({ addNodeView: () => figure }) : ArticleFigure).configure({ resolveMedia: options.resolveMedia ?? null }),
    youtube ? ArticleVideo.extend({ addNodeView: () => youtube }) : ArticleVideo,
  ];
}

export const articleBodyExtensions = createArticleBodyExtensions();
