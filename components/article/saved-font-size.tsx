import { headers } from "next/headers";
import { FONT_SIZES, FONT_STEP_STORAGE_KEY } from "@/components/article/font-size-steps";

/**
 * Applies the text size this device saved before the story is painted (the tools island only
 * runs after hydration, which made the text jump). An inline script with the render's CSP
 * nonce; the response cache stores the page with this script's hash in its policy instead.
 */
export async function SavedFontSize() {
  const nonce = (await headers()).get("x-nonce") ?? undefined;
  const script = `try{var s=localStorage.getItem(${JSON.stringify(FONT_STEP_STORAGE_KEY)}),z=${JSON.stringify(FONT_SIZES)}[Number(s)];if(s!==null&&z)document.documentElement.style.setProperty("--article-font-size",z+"px")}catch(e){}`;
  return <script nonce={nonce} dangerouslySetInnerHTML={{ __html: script }} />;
}
