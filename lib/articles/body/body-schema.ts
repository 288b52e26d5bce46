// The only shape a stored article body may have: Tiptap JSON limited to the nodes, marks,
// attributes and URL schemes the newsroom uses. Anything else (scripts, javascript: links,
// unknown nodes or attributes, images that are not our own media, videos that are not a YouTube
// id, absurd depth or size) is refused before it is stored. The editor loads this file in the
// browser too: no Node-only APIs here.
import { getSchema } from "@tiptap/core";
import { josa } from "es-hangul";
import { z } from "zod";
import { articleBodyExtensions } from "@/lib/articles/body/body-extensions";
import { isSafeLinkHref, LINK_HREF_MAX } from "@/lib/articles/body/link-href";
import { YOUTUBE_VIDEO_ID } from "@/lib/articles/body/video-url";
import { isStorableText, stringId } from "@/lib/schemas/common";

const MAX_BODY_DEPTH = 12;
const MAX_BODY_JSON_BYTES = 512 * 1024;

const linkHrefSchema = z
  .string()
  .trim()
  .max(LINK_HREF_MAX)
  .refine(isSafeLinkHref, "링크는 http, https, mailto 주소만 쓸 수 있습니다.");

/** A text attribute (alt text, caption, credit): NFC like every other text. */
const attributeText = (max: number, label: string) =>
  z
    .string()
    .max(max, `${josa(label, "은/는")} ${max}자 이하로 쓰세요.`)
    .transform((value) => value.normalize("NFC"));

const markSchema = z.discriminatedUnion("type", [
  z.object({ type: z.literal("bold") }).strict(),
  z.object({ type: z.literal("italic") }).strict(),
  z.object({ type: z.literal("underline") }).strict(),
  z.object({ type: z.literal("strike") }).strict(),
  z
    .object({
      type: z.literal("link"),
      attrs: z
        .object({
          href: linkHrefSchema,
          // What Tiptap's Link mark writes; the renderer sets rel and target itself anyway.
          target: z.literal("_blank").nullish(),
          rel: z.string().max(100).nullish(),
          class: z.null().optional(),
          title: attributeText(300, "링크 설명").nullish(),
        })
        .strict(),
    })
    .strict(),
]);

type BodyMark = z.infer<typeof markSchema>;

// A type alias, not an interface, so that it is assignable to Prisma's JSON input type.
export type BodyNode = {
  type: string;
  attrs?: Record<string, string | number | boolean | null>;
  content?: BodyNode[];
  marks?: BodyMark[];
  text?: string;
};

const blockTypes = ["paragraph", "heading", "bulletList", "orderedList", "listItem", "blockquote", "hardBreak", "horizontalRule", "figure", "youtube", "text"] as const;

/** A body image: one of our own media rows by id (checked to exist at save), never a URL. */
const figureAttrsSchema = z
  .object({
    mediaId: stringId,
    alt: attributeText(300, "대체 텍스트").default(""),
    caption: attributeText(500, "사진 설명").default(""),
    credit: attributeText(100, "사진 출처").default(""),
  })
  .strict();

const attrsFor: Record<(typeof blockTypes)[number], z.ZodType | undefined> = {
  paragraph: z.object({ textAlign: z.null().optional() }).strict().optional(),
  heading: z.object({ level: z.number().int().min(2).max(3), textAlign: z.null().optional() }).strict(),
  bulletList: undefined,
  orderedList: z
    .object({ start: z.number().int().min(1).max(10_000).optional(), type: z.enum(["1", "a", "A", "i", "I"]).nullish() })
    .strict()
    .optional(),
  listItem: undefined,
  blockquote: undefined,
  hardBreak: undefined,
  horizontalRule: undefined,
  figure: figureAttrsSchema,
  youtube: z.object({ videoId: z.string().regex(YOUTUBE_VIDEO_ID, "YouTube 동영상 주소가 올바르지 않습니다.") }).strict(),
  text: undefined,
};

const ATOM_TYPES = new Set(["figure", "youtube", "hardBreak", "horizontalRule"]);

const attrValues = z.record(z.string(), z.union([z.string(), z.number(), z.boolean(), z.null()]));

const nodeSchema: z.ZodType<BodyNode> = z.lazy(() =>
  z
    .object({
      type: z.enum(blockTypes),
      attrs: attrValues.optional(),
      content: z.array(nodeSchema).max(5000).optional(),
      marks: z.array(markSchema).max(10).optional(),
      // NFC, so a syllable typed as jamo and as one character are stored alike.
      text: z.string().max(100_000).transform((text) => text.normalize("NFC")).optional(),
    })
    .strict()
    .superRefine((node, ctx) => {
      const attrs = attrsFor[node.type];
      if (node.attrs !== undefined) {
        if (!attrs) ctx.addIssue({ code: "custom", message: `${node.type} 노드에는 속성을 둘 수 없습니다.` });
        else if (!attrs.safeParse(node.attrs).success) ctx.addIssue({ code: "custom", message: `${node.type} 노드의 속성이 올바르지 않습니다.` });
      } else if (node.type === "heading" || node.type === "figure" || node.type === "youtube") {
        ctx.addIssue({ code: "custom", message: `${node.type} 노드에는 속성이 필요합니다.` });
      }
      if (ATOM_TYPES.has(node.type) && node.content !== undefined && node.content.length > 0) {
        ctx.addIssue({ code: "custom", message: `${node.type} 노드에는 내용을 둘 수 없습니다.` });
      }
      if (node.type === "text" && (typeof node.text !== "string" || node.text.length === 0)) {
        ctx.addIssue({ code: "custom", message: "빈 텍스트 노드는 쓸 수 없습니다." });
      }
      if (node.type !== "text" && node.marks) {
        ctx.addIssue({ code: "custom", message: "서식은 글자에만 둘 수 있습니다." });
      }
    })
    // Stored as parsed: defaults filled in, text attributes NFC like the text itself.
    .transform((node) => {
      const attrs = attrsFor[node.type];
      return node.attrs !== undefined && attrs ? { ...node, attrs: attrValues.parse(attrs.parse(node.attrs) ?? {}) } : node;
    }),
);

type RawCheck = "ok" | "too-deep" | "unstorable";

/**
 * Walks raw JSON without recursion (a hostile body nested thousands of levels deep must not
 * overflow the stack) and reports whether it is too deep to be a body, or holds a string that
 * cannot be stored (NUL, a lone surrogate), before the recursive schema ever sees it.
 */
function checkRawBody(value: unknown): RawCheck {
  // Each Tiptap level is an object holding a `content` array: two JSON levels per node.
  const maxJsonDepth = MAX_BODY_DEPTH * 2 + 4;
  const stack: { value: unknown; depth: number }[] = [{ value, depth: 1 }];
  while (stack.length > 0) {
    const { value: current, depth } = stack.pop()!;
    if (typeof current === "string") {
      if (!isStorableText(current)) return "unstorable";
      continue;
    }
    if (current === null || typeof current !== "object") continue;
    if (depth > maxJsonDepth) return "too-deep";
    for (const [key, child] of Object.entries(current)) {
      if (!isStorableText(key)) return "unstorable";
      stack.push({ value: child, depth: depth + 1 });
    }
  }
  return "ok";
}

/** The media ids of the body's images, in order, without repeats. */
export function bodyMediaIds(body: { content?: BodyNode[] }): string[] {
  const ids = new Set<string>();
  const visit = (node: BodyNode) => {
    if (node.type === "figure" && typeof node.attrs?.mediaId === "string") ids.add(node.attrs.mediaId);
    node.content?.forEach(visit);
  };
  body.content?.forEach(visit);
  return [...ids];
}

// Built once: the same schema the editor runs, used to check that nodes sit where they may
// (a list holds list items, a figure is not inside a paragraph ...).
let proseMirrorSchema: ReturnType<typeof getSchema> | undefined;
function fitsEditorSchema(doc: { content: unknown[] }): boolean {
  // An empty body (a story not written yet) is stored as no blocks at all; the editor opens it
  // with one empty paragraph.
  if (doc.content.length === 0) return true;
  proseMirrorSchema ??= getSchema(articleBodyExtensions);
  try {
    proseMirrorSchema.nodeFromJSON(doc).check();
    return true;
  } catch {
    return false;
  }
}

function depthOf(node: BodyNode, depth = 1): number {
  return (node.content ?? []).reduce((max, child) => Math.max(max, depthOf(child, depth + 1)), depth);
}

const utf8 = new TextEncoder();

/** A whole article body: a Tiptap `doc` of allowed nodes, bounded in size and depth. */
export const articleBodySchema = z
  .unknown()
  .superRefine((raw, ctx) => {
    const check = checkRawBody(raw);
    if (check === "too-deep") ctx.addIssue({ code: "custom", message: "본문 구조가 너무 깊습니다.", fatal: true });
    if (check === "unstorable") ctx.addIssue({ code: "custom", message: "본문에 쓸 수 없는 문자(NUL 또는 깨진 유니코드)가 있습니다.", fatal: true });
  })
  .pipe(
    z
      .object({
        type: z.literal("doc", { error: "본문 형식이 올바르지 않습니다." }),
        content: z.array(nodeSchema).max(5000).default([]),
      })
      .strict()
      .superRefine((doc, ctx) => {
        if (utf8.encode(JSON.stringify(doc)).length > MAX_BODY_JSON_BYTES) {
          ctx.addIssue({ code: "custom", message: "본문이 너무 깁니다 (최대 512KB)." });
        }
        if (depthOf(doc) > MAX_BODY_DEPTH) {
          ctx.addIssue({ code: "custom", message: "본문 구조가 너무 깊습니다." });
        } else if (!fitsEditorSchema(doc)) {
          ctx.addIssue({ code: "custom", message: "본문 구조가 올바르지 않습니다 (허용되지 않는 위치의 요소)." });
        }
      }),
  );

export type ArticleBody = z.infer<typeof articleBodySchema>;
