// Checks for the newsroom's screens on a phone (360x800) and a desktop: signing staff in, the
// page's width against the screen, tap-target sizes (WCAG 2.2 AA, 2.5.8) and axe-core.
// A mobile browser widens its layout viewport to fit wide content, so the page's own scrollWidth
// is compared with the screen's 360 px, never innerWidth.
import AxeBuilder from "@axe-core/playwright";
import type { Browser, BrowserContext, Page } from "playwright-core";
import { expect, inject } from "vitest";

export const PHONE = { width: 360, height: 800 } as const;
const DESKTOP = { width: 1280, height: 900 } as const;

const baseUrl = inject("appBaseUrl");
const password = inject("demoPassword");

/** A context like a phone (touch, a layout viewport that grows with wide content) or a desktop. */
export async function staffContext(browser: Browser, kind: "phone" | "desktop", contexts: BrowserContext[]): Promise<BrowserContext> {
  const context = await browser.newContext(
    kind === "phone"
      ? { viewport: PHONE, screen: PHONE, isMobile: true, hasTouch: true, deviceScaleFactor: 2, locale: "ko-KR", timezoneId: "Asia/Seoul" }
      : { viewport: DESKTOP, locale: "ko-KR", timezoneId: "Asia/Seoul" },
  );
  context.setDefaultTimeout(20_000);
  contexts.push(context);
  return context;
}

/** Signs in through the login form and lands on `next` (the newsroom's front page by default). */
export async function signInStaff(context: BrowserContext, email: string, next = "/newsroom"): Promise<Page> {
  const page = await context.newPage();
  await page.goto(`${baseUrl}${next}`);
  await page.waitForURL(/\/login\?/);
  await page.fill('input[name="email"]', email);
  await page.fill('input[name="password"]', password);
  await page.click('button[type="submit"]');
  await page.waitForURL(`${baseUrl}${next}`);
  return page;
}

/** How much wider than the screen the page is (0 when it fits). */
export async function overflowPastScreen(page: Page, screenWidth: number): Promise<number> {
  const width = await page.evaluate(() => Math.max(document.documentElement.scrollWidth, document.body.scrollWidth));
  return Math.max(0, width - screenWidth);
}

/**
 * Visible targets smaller than 24x24 CSS px that WCAG 2.5.8's exceptions do not cover: a link
 * inside running text (inline), and an undersized target whose 24 px circle touches no other
 * target. A checkbox or radio counts with its label when the label wraps it.
 */
async function smallTapTargets(page: Page): Promise<string[]> {
  return page.evaluate(() => {
    const MIN = 24;
    const selector = 'a[href], button, input:not([type="hidden"]), select, textarea, summary, [role="button"], [role="tab"]';
    const targets = [...document.querySelectorAll<HTMLElement>(selector)].filter((element) => {
      if (element.closest("[inert], [aria-hidden='true']")) return false;
      if (element.closest(".ProseMirror") && element.tagName === "A") return false;
      const rect = element.getBoundingClientRect();
      return rect.width > 0 && rect.height > 0 && element.checkVisibility({ visibilityProperty: true, opacityProperty: true });
    });
    const boxOf = (element: HTMLElement) => {
      const wrapper = element instanceof HTMLInputElement && (element.type === "checkbox" || element.type === "radio") ? element.closest("label") : null;
      return (wrapper ?? element).getBoundingClientRect();
    };
    const isInline = (element: HTMLElement) => {
      if (element.tagName !== "A" || getComputedStyle(element).display !== "inline") return false;
      const block = element.parentElement?.closest("p, li, td, dd, div");
      return !!block && (block.textContent ?? "").trim().length > (element.textContent ?? "").trim().length;
    };
    const small = targets.filter((element) => {
      const rect = boxOf(element);
      return (rect.width < MIN - 0.5 || rect.height < MIN - 0.5) && !isInline(element);
    });
    const circleTouches = (element: HTMLElement, other: HTMLElement) => {
      const a = boxOf(element);
      const b = boxOf(other);
      const cx = a.left + a.width / 2;
      const cy = a.top + a.height / 2;
      const dx = Math.max(b.left - cx, 0, cx - b.right);
      const dy = Math.max(b.top - cy, 0, cy - b.bottom);
      return Math.hypot(dx, dy) < MIN / 2;
    };
    const describe = (element: HTMLElement) => {
      const rect = boxOf(element);
      const name = element.getAttribute("aria-label") ?? element.textContent?.trim().slice(0, 30) ?? "";
      return `${element.tagName.toLowerCase()}${element.className ? `.${String(element.className).split(" ")[0]}` : ""} "${name}" ${Math.round(rect.width)}x${Math.round(rect.height)}`;
    };
    return small.filter((element) => targets.some((other) => other !== element && !other.contains(element) && !element.contains(other) && circleTouches(element, other))).map(describe);
  });
}

/** axe-core's WCAG 2.x A and AA rules: every violation, whatever its impact. */
async function axeViolations(page: Page): Promise<string[]> {
  const results = await new AxeBuilder({ page }).withTags(["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa"]).analyze();
  return results.violations.map((violation) => `${violation.id} (${violation.impact}): ${violation.nodes.map((node) => node.target.join(" ")).join(", ")}`);
}

/** The three checks every newsroom screen passes on a phone. */
export async function expectUsableOnPhone(page: Page, label: string): Promise<void> {
  expect(await overflowPastScreen(page, PHONE.width), `${label}: wider than the 360 px screen`).toBe(0);
  expect(await smallTapTargets(page), `${label}: tap targets under 24x24`).toEqual([]);
  expect(await axeViolations(page), `${label}: axe`).toEqual([]);
}

/** Whether an element lies wholly within the visible part of the screen. */
export async function isOnScreen(page: Page, selector: string): Promise<boolean> {
  return page.locator(selector).first().evaluate((element) => {
    const rect = element.getBoundingClientRect();
    return rect.top >= 0 && rect.left >= 0 && rect.bottom <= window.innerHeight && rect.right <= window.innerWidth && rect.height > 0;
  });
}

/** Waits on a state, as long as a loaded machine needs (expect.poll's own default is one second). */
export const eventually = <T>(read: () => T | Promise<T>) => expect.poll(read, { timeout: 30_000, interval: 100 });
