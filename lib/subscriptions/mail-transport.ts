import "server-only";
// Where readers' mails go. With SMTP_URL: that server, through nodemailer. Without it (the
// embedded demo, which has no mail server): each mail is written as an .eml file into the data
// folder, where the newsroom lists it (lib/subscriptions/mail-outbox.ts), so `npm start` shows
// what readers would get. A send that fails throws: the job that called it is retried by the
// queue, so a mail server that is down loses no mail.
import { randomBytes } from "node:crypto";
import { mkdir, rename, writeFile } from "node:fs/promises";
import path from "node:path";
import nodemailer, { type Transporter } from "nodemailer";
import { serverEnv, type Env } from "@/lib/config/env";
import type { ReaderMail } from "@/lib/subscriptions/mail-compose";

export interface Mailer {
  send(mail: ReaderMail): Promise<void>;
}

/** The folder the demo writes its mails into (the data folder's mail/). */
export function mailOutboxDir(env: Env = serverEnv()): string {
  return path.join(/*turbopackIgnore: true*/ env.NEWSROOM_DATA_DIR ?? path.join(process.cwd(), ".data"), "mail");
}

/** The sender as nodemailer takes it: the name is encoded for the header by nodemailer, whatever it holds. */
export interface MailSender {
  name: string;
  address: string;
}

function nodemailerMessage(mail: ReaderMail, from: MailSender) {
  return {
    from,
    to: mail.to,
    subject: mail.subject,
    text: mail.text,
    html: mail.html,
    headers: mail.headers,
    // Korean subjects and names are encoded (RFC 2047) and bodies quoted-printable or base64 by nodemailer.
    textEncoding: "base64" as const,
  };
}

/** Sends through the SMTP server at `url` (smtp:// or smtps://). */
export function smtpMailer(url: string, from: MailSender, options: { timeoutMs?: number } = {}): Mailer & { close(): void } {
  const timeout = options.timeoutMs ?? 30_000;
  const transport: Transporter = nodemailer.createTransport(url, { connectionTimeout: timeout, greetingTimeout: timeout, socketTimeout: timeout });
  return {
    async send(mail) {
      await transport.sendMail(nodemailerMessage(mail, from));
    },
    close: () => transport.close(),
  };
}

/** Writes each mail, as the SMTP server would receive it, into `dir` as <time>-<random>.eml. */
export function fileMailer(dir: string, from: MailSender): Mailer {
  const transport = nodemailer.createTransport({ streamTransport: true, buffer: true, newline: "unix" });
  return {
    async send(mail) {
      const info = await transport.sendMail(nodemailerMessage(mail, from));
      await mkdir(dir, { recursive: true, mode: 0o700 });
      const name = `${new Date().toISOString().replace(/[:.]/g, "-")}-${randomBytes(4).toString("hex")}.eml`;
      // Written under a temporary name and renamed: the newsroom never lists half a mail.
      const temporary = path.join(dir, `.${name}.tmp`);
      await writeFile(temporary, info.message as Buffer, { mode: 0o600 });
      await rename(temporary, path.join(dir, name));
      // What the newsroom's list shows, so it needs no MIME parser: never the whole address.
      const summary: OutboxSummary = { file: name, sentAt: new Date().toISOString(), to: maskAddress(mail.to), subject: mail.subject, html: mail.html };
      await writeFile(path.join(dir, name.replace(/\.eml$/, ".json")), JSON.stringify(summary), { mode: 0o600 });
    },
  };
}

export interface OutboxSummary {
  file: string;
  sentAt: string;
  /** "re***@example.com" */
  to: string;
  subject: string;
  html: string;
}

/** "reader@example.com" -> "re***@example.com". */
export function maskAddress(address: string): string {
  const at = address.lastIndexOf("@");
  if (at < 0) return "***";
  return `${address.slice(0, Math.min(2, at))}***${address.slice(at)}`;
}

let configured: Mailer | undefined;

/** The mailer the settings choose: SMTP_URL's server, or the data folder's outbox. */
export function mailerFromEnv(): Mailer {
  if (configured) return configured;
  const env = serverEnv();
  const from = { name: env.SITE_NAME, address: env.MAIL_FROM };
  configured = env.SMTP_URL ? smtpMailer(env.SMTP_URL, from) : fileMailer(mailOutboxDir(env), from);
  return configured;
}
