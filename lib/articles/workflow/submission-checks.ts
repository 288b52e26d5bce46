// What a story still lacks before it can go to the desk, as the editor shows it: every image
// (the hero and each body image) needs alt text and a credit. Pure and browser-safe; the server's
// submit check (desk workflow) uses the same rule.
import { josa } from "es-hangul";
import type { BodyNode } from "@/lib/articles/body/body-schema";

type ImageRequirement = "alt" | "credit";

export interface ImageProblem {
  /** "hero" or the body image's place among the body images, 1-based. */
  where: "hero" | number;
  mediaId: string;
  missing: ImageRequirement[];
  /** A Korean sentence naming the image and what it lacks. */
  message: string;
}

const LABEL: Record<ImageRequirement, string> = { alt: "대체 텍스트", credit: "사진 출처" };

function missingOf(alt: string | null | undefined, credit: string | null | undefined): ImageRequirement[] {
  const missing: ImageRequirement[] = [];
  if (!alt?.trim()) missing.push("alt");
  if (!credit?.trim()) missing.push("credit");
  return missing;
}

const describe = (name: string, missing: ImageRequirement[]) => `${name}: ${josa(missing.map((item) => LABEL[item]).join(", "), "이/가")} 없습니다.`;

export function imageProblems(story: {
  hero: { mediaId: string; alt: string | null | undefined; credit: string | null | undefined } | null;
  body: { content?: BodyNode[] };
}): ImageProblem[] {
  const problems: ImageProblem[] = [];
  if (story.hero) {
    const missing = missingOf(story.hero.alt, story.hero.credit);
    if (missing.length > 0) problems.push({ where: "hero", mediaId: story.hero.mediaId, missing, message: describe("대표 사진", missing) });
  }
  let index = 0;
  const visit = (node: BodyNode) => {
    if (node.type === "figure") {
      index += 1;
      const attrs = node.attrs ?? {};
      const missing = missingOf(String(attrs.alt ?? ""), String(attrs.credit ?? ""));
      if (missing.length > 0) problems.push({ where: index, mediaId: String(attrs.mediaId ?? ""), missing, message: describe(`본문 사진 ${index}`, missing) });
    }
    node.content?.forEach(visit);
  };
  story.body.content?.forEach(visit);
  return problems;
}
