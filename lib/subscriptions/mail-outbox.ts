import "server-only";
// The embedded demo's outbox (no SMTP_URL): the mails written into the data folder, newest first,
// for the newsroom's newsletter page. Admins only; the recipient is shown masked.
import { readdir, readFile } from "node:fs/promises";
import path from "node:path";
import sanitizeHtml from "sanitize-html";
import { assertCan } from "@/lib/auth/permissions";
import type { StaffUser } from "@/lib/auth/staff-user";
import { serverEnv } from "@/lib/config/env";
import { mailOutboxDir, type OutboxSummary } from "@/lib/subscriptions/mail-transport";

export interface OutboxListing {
  /** False when SMTP_URL is set: mails go to the mail server and none are kept here. */
  active: boolean;
  dir: string;
  mails: OutboxSummary[];
}

/** The mail's HTML made safe to show inside a newsroom page: its own markup and inline styles, no scripts. */
function safeMailHtml(html: string): string {
  const body = /<body[^>]*>([\s\S]*)<\/body>/i.exec(html)?.[1] ?? html;
  return sanitizeHtml(body, {
    allowedTags: sanitizeHtml.defaults.allowedTags.concat(["h1", "h2", "hr"]),
    allowedAttributes: { "*": ["style"], a: ["href", "style", "target", "rel"] },
    transformTags: { a: sanitizeHtml.simpleTransform("a", { target: "_blank", rel: "noopener" }) },
  });
}

export async function listOutbox(actor: StaffUser, limit = 30): Promise<OutboxListing> {
  assertCan(actor, "newsletter.configure");
  const env = serverEnv();
  const dir = mailOutboxDir(env);
  const names = await readdir(dir).catch(() => [] as string[]);
  const newest = names.filter((name) => name.endsWith(".json")).sort().reverse().slice(0, limit);
  const mails: OutboxSummary[] = [];
  for (const name of newest) {
    try {
      const summary = JSON.parse(await readFile(path.join(dir, name), "utf8")) as OutboxSummary;
      mails.push({ ...summary, html: safeMailHtml(String(summary.html)) });
    } catch {
      // A file being written or damaged by hand: left out of the list.
    }
  }
  return { active: !env.SMTP_URL, dir, mails };
}
