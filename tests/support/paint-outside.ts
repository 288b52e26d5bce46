// Whether elements paint outside their own boxes: the page is photographed with them shown and
// with them hidden (visibility: hidden keeps the layout), and every pixel that differs must lie
// inside one of their boxes. Layout checks (getBoundingClientRect, scrollWidth) cannot see this:
// what a character draws beyond its line (stacked combining marks) is ink, not layout.
import type { Page } from "playwright-core";
import sharp from "sharp";

interface Box {
  x: number;
  y: number;
  width: number;
  height: number;
}

async function pixels(page: Page) {
  const png = await page.screenshot({ fullPage: true, animations: "disabled", caret: "hide" });
  return sharp(png).ensureAlpha().raw().toBuffer({ resolveWithObject: true });
}

/** How many pixels of the full page change outside the boxes of `selector`'s elements when they are hidden. */
export async function pixelsPaintedOutside(page: Page, selector: string): Promise<number> {
  const shown = await pixels(page);
  const boxes = await page.locator(selector).evaluateAll((elements) =>
    elements.map((element) => {
      const rect = element.getBoundingClientRect();
      return { x: rect.left + window.scrollX, y: rect.top + window.scrollY, width: rect.width, height: rect.height };
    }),
  );
  await page.locator(selector).evaluateAll((elements) => elements.forEach((element) => ((element as HTMLElement).style.visibility = "hidden")));
  const hidden = await pixels(page);
  await page.locator(selector).evaluateAll((elements) => elements.forEach((element) => ((element as HTMLElement).style.visibility = "")));
  const { width, height } = shown.info;
  if (hidden.info.width !== width || hidden.info.height !== height) throw new Error("the page changed size when the elements were hidden");
  // Antialiasing may touch the pixel row or column at a box's edge.
  const inside = (x: number, y: number) => boxes.some((box: Box) => x >= box.x - 1 && x < box.x + box.width + 1 && y >= box.y - 1 && y < box.y + box.height + 1);
  let outside = 0;
  for (let y = 0; y < height; y += 1) {
    for (let x = 0; x < width; x += 1) {
      const at = (y * width + x) * 4;
      if (shown.data.readUInt32BE(at) !== hidden.data.readUInt32BE(at) && !inside(x, y)) outside += 1;
    }
  }
  return outside;
}
