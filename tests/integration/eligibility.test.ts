// The publisher's page and the reviewers' CSV against the real database: exact counts over the
// 30/90/365-day windows, by section and by reporter, with unrecorded stories apart; only stories
// readers can see count, as their live revision says (the shared planted stories: a draft, one at
// the desk, a scheduled one, a withdrawn one and the unapproved update of a published one); the
// CSV opens in Excel (BOM, quoting) and cannot carry a formula; only the desk and admins see it.
import { beforeAll, describe, expect, it } from "vitest";
import type { StaffUser } from "@/lib/auth/staff-user";
import { db } from "@/lib/db";
import { ELIGIBILITY_CSV_HEADER, buildEligibilityCsv } from "@/lib/eligibility/eligibility-csv";
import { kstMonthKey } from "@/lib/eligibility/eligibility-periods";
import { getEligibilityReport } from "@/lib/eligibility/eligibility-report";
import { getEligibilitySettings, updateEligibilitySettings } from "@/lib/eligibility/eligibility-settings";
import { formatKstDateTime } from "@/lib/format/korean-time";
import type { ArticleOrigin } from "@/lib/generated/prisma/enums";
import { expectNoPlantedStory, plantStories, type PlantedStories } from "../support/planted-stories";
import { refusalOf } from "../support/refusal";
import { createStaff } from "../support/staff-fixtures";

const DAY = 86_400_000;
let admin: StaffUser;
let editor: StaffUser;
let reporter: StaffUser;
let planted: PlantedStories;
let sectionId: number;
let writer: StaffUser;

/** A story readers can see, published `daysAgo`, written straight into the database as the workflow leaves it. */
async function publishedStory(options: { daysAgo: number; origin: ArticleOrigin | null; originSource?: string; headline?: string; corrected?: boolean }) {
  const publishedAt = new Date(Date.now() - options.daysAgo * DAY);
  const headline = options.headline ?? `비율 시험 기사 ${options.daysAgo}일 전 ${options.origin ?? "미기록"}`;
  const content = { headline, subHeadlines: [], bodyJson: { type: "doc", content: [] }, bodyHtml: "", bodyText: "", sectionId, origin: options.origin, originSource: options.originSource ?? "" };
  const article = await db.article.create({
    data: {
      ...content,
      slug: "ratio",
      authorId: writer.id,
      status: "PUBLISHED",
      submittedAt: publishedAt,
      approvedAt: publishedAt,
      approvedById: editor.id,
      publishedAt,
      lastCorrectedAt: options.corrected ? new Date(publishedAt.getTime() + DAY / 2) : null,
    },
  });
  const revision = await db.articleRevision.create({ data: { ...content, tagNames: [], articleId: article.id, number: 1, kind: "APPROVE", articleVersion: 1, createdById: editor.id } });
  // The database freezes the byline as the revision goes live.
  await db.article.update({ where: { id: article.id }, data: { liveRevisionId: revision.id } });
  return { id: article.id, publishedAt, headline };
}

/** A CSV document as rows of cells (RFC 4180: quoted cells, doubled quotes, CRLF). */
function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  const pattern = /"((?:[^"]|"")*)"(,|\r\n|$)/gy;
  let row: string[] = [];
  for (let match = pattern.exec(text); match && match[0] !== ""; match = pattern.exec(text)) {
    row.push(match[1]!.replaceAll('""', '"'));
    if (match[2] !== ",") {
      rows.push(row);
      row = [];
    }
  }
  return rows;
}


beforeAll(async () => {
  admin = await createStaff("ADMIN");
  editor = await createStaff("EDITOR");
  reporter = await createStaff("REPORTER");
  writer = await createStaff("REPORTER", { name: "비율기자", title: "기자" });
  sectionId = (await db.section.create({ data: { slug: "ratio-test", name: "비율시험", sortOrder: 60 } })).id;

  // The planted stories, each given an origin so that a leak would move the counts: all 자체 취재,
  // except the published story with a pending update, whose LIVE revision is 통신 (연합뉴스) while
  // its unapproved working copy says 자체 취재.
  planted = await plantStories(db);
  await db.article.updateMany({ where: { id: { in: Object.values(planted.ids) } }, data: { origin: "OWN_REPORTING" } });
  await db.articleRevision.updateMany({ where: { articleId: { in: Object.values(planted.ids) } }, data: { origin: "OWN_REPORTING" } });
  await db.articleRevision.updateMany({ where: { articleId: planted.ids.pendingUpdate }, data: { origin: "WIRE", originSource: "연합뉴스" } });

  // The counted stories of one section and one reporter.
  for (const story of [
    { daysAgo: 2, origin: "OWN_REPORTING" },
    { daysAgo: 3, origin: "OWN_REPORTING" },
    { daysAgo: 4, origin: "WIRE", originSource: "뉴시스" },
    { daysAgo: 45, origin: "OWN_REPORTING" },
    { daysAgo: 50, origin: "PRESS_RELEASE", originSource: "고양특례시" },
    { daysAgo: 51, origin: "PRESS_RELEASE", originSource: "고양특례시" },
    { daysAgo: 200, origin: null },
    { daysAgo: 210, origin: "CONTRIBUTION" },
    // Older than a year: in no window and in no month listed.
    ...Array.from({ length: 5 }, () => ({ daysAgo: 400, origin: "OWN_REPORTING" as const })),
  ] as const) {
    await publishedStory(story);
  }
});

describe("the share of own reporting", () => {
  it("counts each window exactly, by section and by reporter, unrecorded stories apart, against the threshold", async () => {
    const report = await getEligibilityReport(editor);
    expect(report.thresholdPercent).toBe(30);
    const section = report.bySection.find((row) => row.key === String(sectionId));
    expect(section?.label).toBe("비율시험");
    expect(section?.windows[30]).toEqual({ total: 3, own: 2, recorded: 3, unrecorded: 0, share: 2 / 3, verdict: "met" });
    expect(section?.windows[90]).toEqual({ total: 6, own: 3, recorded: 6, unrecorded: 0, share: 0.5, verdict: "met" });
    // 3 of 7 recorded; even if the unrecorded one is not own reporting, 3 of 8 is over 30%.
    expect(section?.windows[365]).toEqual({ total: 8, own: 3, recorded: 7, unrecorded: 1, share: 3 / 7, verdict: "met" });
    const byWriter = report.byReporter.find((row) => row.key === writer.id);
    expect(byWriter?.label).toBe("비율기자 기자");
    expect(byWriter?.windows).toEqual(section?.windows);
    // Overall is every section together.
    for (const days of [30, 90, 365] as const) {
      expect(report.overall[days].total, `${days} days`).toBe(report.bySection.reduce((sum, row) => sum + row.windows[days].total, 0));
    }

    // 40%: the one unrecorded story decides the year; 60%: the last 90 days and the year fall short.
    await updateEligibilitySettings(admin, { ownReportingThresholdPercent: 40 });
    const at40 = (await getEligibilityReport(editor)).bySection.find((row) => row.key === String(sectionId))!;
    expect([at40.windows[30].verdict, at40.windows[90].verdict, at40.windows[365].verdict]).toEqual(["met", "met", "depends"]);
    await updateEligibilitySettings(admin, { ownReportingThresholdPercent: 60 });
    const at60 = (await getEligibilityReport(editor)).bySection.find((row) => row.key === String(sectionId))!;
    expect([at60.windows[30].verdict, at60.windows[90].verdict, at60.windows[365].verdict]).toEqual(["met", "below", "below"]);
    await updateEligibilitySettings(admin, { ownReportingThresholdPercent: 30 });
  });

  it("counts only stories readers can see, by their live revision: the planted private stories never count", async () => {
    const report = await getEligibilityReport(admin);
    expectNoPlantedStory(planted, JSON.stringify(report), "the publisher's page");
    const plantedSection = report.bySection.find((row) => row.key === String(planted.sectionId));
    // The published control (자체 취재) and the published story with a pending update (live: 통신).
    expect(plantedSection?.windows[30]).toEqual({ total: 2, own: 1, recorded: 2, unrecorded: 0, share: 0.5, verdict: "met" });
    expect(report.byReporter.find((row) => row.key === planted.authorId)?.windows[365]).toMatchObject({ total: 2, own: 1 });
  });

  it("monthly counts cover the last twelve months in Korea time, by origin, and match the CSV's rows", async () => {
    const now = new Date();
    const report = await getEligibilityReport(admin, now);
    expect(report.months).toHaveLength(12);
    expect(report.months.at(-1)?.month).toBe(kstMonthKey(now));
    const monthOf = (daysAgo: number) => report.months.find((month) => month.month === kstMonthKey(new Date(now.getTime() - daysAgo * DAY)))!;
    expect(monthOf(200).tally.unrecorded).toBeGreaterThanOrEqual(1);
    expect(monthOf(210).tally.byOrigin.CONTRIBUTION).toBeGreaterThanOrEqual(1);
    const totalListed = report.months.reduce((sum, month) => sum + month.share.total, 0);
    // The stories of 400 days ago are in no month; everything else here and the two public planted ones are.
    expect(totalListed).toBe(8 + 2);
    const csv = await buildEligibilityCsv(admin, now);
    expect(csv.stories).toBe(totalListed);
    expect(parseCsv(csv.body.slice(1))).toHaveLength(totalListed + 1);
  });

  it("the threshold is an admin's setting, refused in Korean when it is not a whole percentage, and on the security log", async () => {
    expect(await getEligibilitySettings()).toEqual({ ownReportingThresholdPercent: 30 });
    for (const [input, message] of [
      ["", "기준 비율: 숫자를 입력하세요."],
      ["서른", "기준 비율: 숫자를 입력하세요."],
      ["101", "기준 비율: 100% 이하여야 합니다."],
      ["-1", "기준 비율: 0% 이상이어야 합니다."],
      ["30.5", "기준 비율: 정수(%)로 입력하세요."],
    ] as const) {
      expect((await refusalOf(updateEligibilitySettings(admin, { ownReportingThresholdPercent: input })))?.message, input).toBe(message);
    }
    expect((await refusalOf(updateEligibilitySettings(editor, { ownReportingThresholdPercent: 50 })))?.code).toBe("FORBIDDEN");
    await updateEligibilitySettings(admin, { ownReportingThresholdPercent: "35" });
    expect(await getEligibilitySettings()).toEqual({ ownReportingThresholdPercent: 35 });
    expect(await db.auditLog.findFirst({ where: { action: "eligibility.settings", actorId: admin.id }, orderBy: { createdAt: "desc" } })).toMatchObject({ detail: { ownReportingThresholdPercent: 35 } });
    await updateEligibilitySettings(admin, { ownReportingThresholdPercent: 30 });
  });

  it("a reporter may see neither the page's figures nor the CSV, nor set the threshold", async () => {
    expect((await refusalOf(getEligibilityReport(reporter)))?.code).toBe("FORBIDDEN");
    expect((await refusalOf(buildEligibilityCsv(reporter)))?.code).toBe("FORBIDDEN");
    expect((await refusalOf(updateEligibilitySettings(reporter, { ownReportingThresholdPercent: 10 })))?.code).toBe("FORBIDDEN");
  });
});

describe("the reviewers' CSV", () => {
  it("opens in Excel with Korean: a BOM, a header, quoted cells and CRLF; own reporting first; KST times; the live headline and origin", async () => {
    const corrected = await publishedStory({ daysAgo: 10, origin: "OWN_REPORTING", headline: "정정된 기사, \"따옴표\"와 쉼표", corrected: true });
    const csv = await buildEligibilityCsv(editor);
    expect(csv.filename).toMatch(/^누리일보-기사목록-\d{4}-\d{2}_\d{4}-\d{2}\.csv$/);
    expect(Buffer.from(csv.body, "utf8").subarray(0, 3)).toEqual(Buffer.from([0xef, 0xbb, 0xbf]));
    expect(csv.body.endsWith("\r\n")).toBe(true);
    expect(csv.body.replaceAll("\r\n", "")).not.toContain("\n");
    const [header, ...rows] = parseCsv(csv.body.slice(1));
    expect(header).toEqual([...ELIGIBILITY_CSV_HEADER]);

    const origins = rows.map((row) => row[6]);
    const firstOther = origins.findIndex((origin) => origin !== "자체 취재");
    expect(firstOther).toBeGreaterThan(0);
    expect(origins.slice(firstOther)).not.toContain("자체 취재");
    expect(origins.at(-1)).toBe("미기록");

    const row = rows.find((cells) => cells[0]!.includes(`/articles/${corrected.id}/`))!;
    expect(row[0]).toMatch(/^https?:\/\/[^/]+\/articles\/\d+\/[^/]+$/);
    expect(row.slice(1)).toEqual([
      "정정된 기사, \"따옴표\"와 쉼표",
      "비율기자 기자",
      formatKstDateTime(corrected.publishedAt),
      formatKstDateTime(new Date(corrected.publishedAt.getTime() + DAY / 2)),
      "비율시험",
      "자체 취재",
      "",
    ]);
    expect(rows.find((cells) => cells[6] === "통신" && cells[7] === "뉴시스")).toBeDefined();

    // The planted stories: the public ones are listed (the pending update as approved: 통신), the others never.
    expectNoPlantedStory(planted, csv.body, "the CSV");
    const plantedRows = rows.filter((cells) => cells[1]!.includes(planted.publishedMarker));
    expect(plantedRows.map((cells) => cells[6]).sort()).toEqual(["자체 취재", "통신"]);
  });

  it("a headline that starts like a formula is text, not a formula", async () => {
    const hostile = ["=HYPERLINK(\"http://evil.example\",\"클릭\")", "+82 10 1234 5678 제보", "-3% 하락한 수출", "@SUM(A1:A9)", "  =1+1 공백 뒤 수식", "＝전각 등호"];
    for (const headline of hostile) await publishedStory({ daysAgo: 1, origin: "OWN_REPORTING", headline });
    const csv = await buildEligibilityCsv(admin);
    const rows = parseCsv(csv.body.slice(1));
    for (const headline of hostile) {
      const cell = rows.find((row) => row[1]?.endsWith(headline))?.[1];
      expect(cell, headline).toBe(`'${headline}`);
    }
    expect(csv.body).toContain('"\'=HYPERLINK(""http://evil.example"",""클릭"")"');
  });
});
