// The readers' mails as data (lib/subscriptions/mail-compose.ts), the digest's next time in Korea
// time, and the demo's outbox (mails written as .eml files where there is no mail server).
import { mkdtemp, readdir, readFile, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { nextDigestAt } from "@/lib/subscriptions/digest-time";
import { confirmationMail, digestMail, followMail, type MailStory } from "@/lib/subscriptions/mail-compose";
import { fileMailer, maskAddress } from "@/lib/subscriptions/mail-transport";

const links = { unsubscribePage: "https://news.example.kr/subscriptions/unsubscribe?token=T", oneClickUnsubscribe: "https://news.example.kr/api/subscriptions/unsubscribe?token=T" };
const story: MailStory = {
  headline: '시장 "<예산>" & 의회',
  deck: null,
  description: "요약",
  url: "https://news.example.kr/articles/1",
  byline: "김하늘 기자",
  section: "사회",
  publishedAt: new Date("2026-12-06T23:30:00Z"),
};

const mails = [
  confirmationMail({ to: "a@example.com", siteName: "누리일보", topicLabel: "아침 뉴스레터", confirmPage: "https://news.example.kr/subscriptions/confirm?token=T", links, listId: "<digest.newsletter.news.example.kr>" }),
  followMail({ to: "a@example.com", siteName: "누리일보", reporterName: "김하늘", story, links, listId: "<reporter.newsletter.news.example.kr>" }),
  digestMail({ to: "a@example.com", siteName: "누리일보", sentAt: new Date("2026-12-06T22:00:00Z"), stories: [story], links, listId: "<digest.newsletter.news.example.kr>" }),
];

describe("readers' mails", () => {

  it.each(mails)("$subject: one-click unsubscribe headers and the unsubscribe link in both parts", (mail) => {
    expect(mail.headers["List-Unsubscribe"]).toBe(`<${links.oneClickUnsubscribe}>`);
    expect(mail.headers["List-Unsubscribe-Post"]).toBe("List-Unsubscribe=One-Click");
    expect(mail.text).toContain(links.unsubscribePage);
    expect(mail.html).toContain(links.unsubscribePage);
  });

  it("escapes story text in the HTML part and keeps it as written in the text part", () => {
    const [, follow, digest] = mails;
    for (const mail of [follow!, digest!]) {
      expect(mail.html).toContain("시장 &quot;&lt;예산&gt;&quot; &amp; 의회");
      expect(mail.html).not.toContain("<예산>");
      expect(mail.text).toContain('시장 "<예산>" & 의회');
    }
  });

  it("says the subject in Korean, with the right particle and the KST date", () => {
    expect(mails[0]!.subject).toBe("[누리일보] 아침 뉴스레터 신청을 확인해 주세요");
    expect(mails[0]!.text).toContain("아침 뉴스레터를 신청하셨습니다");
    expect(mails[1]!.subject).toBe('[김하늘 기자] 시장 "<예산>" & 의회');
    // 22:00 UTC on the 6th is 07:00 on the 7th in Korea.
    expect(mails[2]!.subject).toBe("[누리일보] 2026-12-07 아침 뉴스");
  });
});

describe("the digest's time (KST)", () => {
  it("is later today when the time has not come, tomorrow when it has", () => {
    // 05:00 KST on 7 December.
    expect(nextDigestAt(new Date("2026-12-06T20:00:00Z"), "07:00").toISOString()).toBe("2026-12-06T22:00:00.000Z");
    // 08:00 KST: tomorrow at 07:00 KST.
    expect(nextDigestAt(new Date("2026-12-06T23:00:00Z"), "07:00").toISOString()).toBe("2026-12-07T22:00:00.000Z");
    // Exactly at the time: the next day's (the job that just ran schedules the next one).
    expect(nextDigestAt(new Date("2026-12-06T22:00:00Z"), "07:00").toISOString()).toBe("2026-12-07T22:00:00.000Z");
    // Just before midnight UTC is morning in Korea.
    expect(nextDigestAt(new Date("2026-12-06T23:59:00Z"), "09:30").toISOString()).toBe("2026-12-07T00:30:00.000Z");
  });
});

describe("the demo's outbox", () => {
  let dir: string | undefined;
  afterEach(async () => {
    if (dir) await rm(dir, { recursive: true, force: true });
  });

  it("writes each mail as an .eml file with a summary that never holds the whole address", async () => {
    dir = await mkdtemp(path.join(tmpdir(), "newsroom-outbox-"));
    await fileMailer(dir, { name: "누리일보", address: "newsletter@nuri-ilbo.test" }).send(mails[0]!);
    const names = (await readdir(dir)).sort();
    expect(names).toHaveLength(2);
    const eml = await readFile(path.join(dir, names.find((name) => name.endsWith(".eml"))!), "utf8");
    expect(eml).toMatch(/^List-Unsubscribe-Post: List-Unsubscribe=One-Click$/m);
    expect(eml).toMatch(/^Subject: =\?UTF-8\?/m);
    const summary = JSON.parse(await readFile(path.join(dir, names.find((name) => name.endsWith(".json"))!), "utf8")) as Record<string, string>;
    expect(summary.subject).toBe(mails[0]!.subject);
    expect(summary.to).toBe("a***@example.com");
    expect(JSON.stringify(summary)).not.toContain("a@example.com");
  });

  it("masks addresses", () => {
    expect(maskAddress("reader@example.com")).toBe("re***@example.com");
    expect(maskAddress("x@example.com")).toBe("x***@example.com");
  });
});
