// The mails readers get, as data: subject, plain text, HTML and headers. Pure (no database, no
// clock), so each is checked by a unit test and the SMTP test checks what goes over the wire.
// Every mail carries the RFC 8058 one-click unsubscribe headers and a link to the same page in
// its text, whatever it is about; a confirmation mail's "unsubscribe" drops the pending request.
import { josa } from "es-hangul";
import { formatKstDate, formatKstMinute } from "@/lib/format/korean-time";

export interface ReaderMail {
  to: string;
  subject: string;
  text: string;
  html: string;
  headers: Record<string, string>;
}

/** The addresses a mail's links go to, all carrying the subscription's token. */
export interface SubscriptionLinks {
  /** The page readers open from the mail (a button on it ends the subscription). */
  unsubscribePage: string;
  /** Where a mail client POSTs "List-Unsubscribe=One-Click" (RFC 8058). */
  oneClickUnsubscribe: string;
}

export interface MailStory {
  headline: string;
  deck: string | null;
  description: string;
  url: string;
  byline: string | null;
  section: string | null;
  publishedAt: Date;
}

const ESCAPES: Record<string, string> = { "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;" };
const escapeHtml = (text: string) => text.replace(/[&<>"']/g, (character) => ESCAPES[character] ?? character);

function listHeaders(links: SubscriptionLinks, listId: string): Record<string, string> {
  return {
    "List-Unsubscribe": `<${links.oneClickUnsubscribe}>`,
    "List-Unsubscribe-Post": "List-Unsubscribe=One-Click",
    "List-Id": listId,
  };
}

function htmlPage(title: string, bodyHtml: string, footerHtml: string): string {
  return `<!doctype html>
<html lang="ko"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width"><title>${escapeHtml(title)}</title></head>
<body style="margin:0;padding:0;background:#f4f4f2;font-family:'Apple SD Gothic Neo','Malgun Gothic','Noto Sans KR',sans-serif;color:#1a1a1a;word-break:keep-all;">
<div style="max-width:600px;margin:0 auto;padding:24px 16px;background:#ffffff;">
${bodyHtml}
<hr style="border:none;border-top:1px solid #ddd;margin:32px 0 16px;">
<p style="font-size:13px;line-height:1.6;color:#666;">${footerHtml}</p>
</div></body></html>`;
}

function footer(siteName: string, reason: string, links: SubscriptionLinks) {
  return {
    text: `${reason}\n더 받고 싶지 않으면 이 주소에서 구독을 해지하세요: ${links.unsubscribePage}\n${siteName}`,
    html: `${escapeHtml(reason)}<br>더 받고 싶지 않으면 <a href="${escapeHtml(links.unsubscribePage)}" style="color:#666;">구독 해지</a>를 누르세요. 주소는 바로 지워집니다.<br>${escapeHtml(siteName)}`,
  };
}

function storyText(story: MailStory): string {
  const meta = [story.section, story.byline, formatKstMinute(story.publishedAt)].filter(Boolean).join(" · ");
  return [story.headline, story.deck, meta, story.description, story.url].filter(Boolean).join("\n");
}

function storyHtml(story: MailStory): string {
  const meta = [story.section, story.byline, formatKstMinute(story.publishedAt)].filter(Boolean).join(" · ");
  return `<div style="margin:0 0 24px;">
<h2 style="font-size:19px;line-height:1.4;margin:0 0 6px;"><a href="${escapeHtml(story.url)}" style="color:#1a1a1a;text-decoration:none;">${escapeHtml(story.headline)}</a></h2>
${story.deck ? `<p style="font-size:15px;margin:0 0 6px;color:#333;">${escapeHtml(story.deck)}</p>` : ""}
<p style="font-size:12px;margin:0 0 8px;color:#777;">${escapeHtml(meta)}</p>
<p style="font-size:15px;line-height:1.7;margin:0 0 8px;">${escapeHtml(story.description)}</p>
<p style="margin:0;"><a href="${escapeHtml(story.url)}" style="color:#0b57d0;">기사 읽기</a></p>
</div>`;
}

export interface ConfirmationMailInput {
  to: string;
  siteName: string;
  /** What the reader asked for, e.g. "아침 뉴스레터" or "김하늘 기자 구독". */
  topicLabel: string;
  confirmPage: string;
  links: SubscriptionLinks;
  listId: string;
}

export function confirmationMail(input: ConfirmationMailInput): ReaderMail {
  const subject = `[${input.siteName}] ${input.topicLabel} 신청을 확인해 주세요`;
  const reason = "이 주소로 구독 신청이 들어와 보내는 확인 메일입니다. 신청하지 않았다면 이 메일을 지우면 됩니다. 확인하지 않은 신청은 48시간 뒤 지워집니다.";
  const foot = footer(input.siteName, reason, input.links);
  const asked = josa(input.topicLabel, "을/를");
  const text = `${asked} 신청하셨습니다.\n아래 주소를 열어 '구독 확인'을 누르면 그때부터 메일을 보냅니다.\n${input.confirmPage}\n\n${foot.text}`;
  const body = `<h1 style="font-size:21px;margin:0 0 16px;">${escapeHtml(input.topicLabel)} 신청 확인</h1>
<p style="font-size:15px;line-height:1.7;">${escapeHtml(asked)} 신청하셨습니다. 아래 단추를 눌러 확인하면 그때부터 메일을 보냅니다.</p>
<p style="margin:24px 0;"><a href="${escapeHtml(input.confirmPage)}" style="display:inline-block;padding:12px 20px;background:#0b57d0;color:#ffffff;text-decoration:none;border-radius:6px;font-weight:bold;">구독 확인</a></p>`;
  return { to: input.to, subject, text, html: htmlPage(subject, body, foot.html), headers: listHeaders(input.links, input.listId) };
}

export interface FollowMailInput {
  to: string;
  siteName: string;
  reporterName: string;
  story: MailStory;
  links: SubscriptionLinks;
  listId: string;
}

export function followMail(input: FollowMailInput): ReaderMail {
  const subject = `[${input.reporterName} 기자] ${input.story.headline}`;
  const reason = `${input.reporterName} 기자를 구독하셔서 보내는 메일입니다.`;
  const foot = footer(input.siteName, reason, input.links);
  const text = `${input.reporterName} 기자의 새 기사입니다.\n\n${storyText(input.story)}\n\n${foot.text}`;
  const body = `<p style="font-size:13px;color:#777;margin:0 0 12px;">${escapeHtml(input.siteName)} · ${escapeHtml(input.reporterName)} 기자의 새 기사</p>\n${storyHtml(input.story)}`;
  return { to: input.to, subject, text, html: htmlPage(subject, body, foot.html), headers: listHeaders(input.links, input.listId) };
}

export interface DigestMailInput {
  to: string;
  siteName: string;
  /** The morning it is sent (its KST date is in the subject). */
  sentAt: Date;
  stories: MailStory[];
  links: SubscriptionLinks;
  listId: string;
}

export function digestMail(input: DigestMailInput): ReaderMail {
  const subject = `[${input.siteName}] ${formatKstDate(input.sentAt)} 아침 뉴스`;
  const reason = "아침 뉴스레터를 구독하셔서 보내는 메일입니다.";
  const foot = footer(input.siteName, reason, input.links);
  const text = `어제 가장 많이 읽힌 기사입니다.\n\n${input.stories.map(storyText).join("\n\n")}\n\n${foot.text}`;
  const body = `<h1 style="font-size:21px;margin:0 0 4px;">${escapeHtml(input.siteName)} 아침 뉴스</h1>
<p style="font-size:13px;color:#777;margin:0 0 24px;">${escapeHtml(formatKstDate(input.sentAt))} · 어제 가장 많이 읽힌 기사</p>
${input.stories.map(storyHtml).join("\n")}`;
  return { to: input.to, subject, text, html: htmlPage(subject, body, foot.html), headers: listHeaders(input.links, input.listId) };
}
