// Reporter pages at readable addresses (/reporters/<number>-<name>) against a real database:
// which account an address names, when it is the current address (else the page redirects), and
// that who has a page did not change: a deactivated reporter keeps theirs, staff without public
// stories and unknown addresses have none, whichever form the address takes.
import { XMLParser } from "fast-xml-parser";
import { describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { buildStoryFeed } from "@/lib/feeds/story-feed";
import { buildReportersSitemap } from "@/lib/feeds/sitemaps";
import { getPublicReporter, listPublicReporters } from "@/lib/reporters/public-reporter";
import { reporterPath } from "@/lib/reporters/reporter-url";
import { createArticle, createStaff } from "../support/staff-fixtures";

const segmentOf = (path: string) => path.split("/").at(-1) ?? "";

async function reporterWithStory(name: string) {
  const staff = await createStaff("REPORTER", { name });
  await createArticle(staff.id, "PUBLISHED");
  const { reporterNumber } = await db.user.findUniqueOrThrow({ where: { id: staff.id }, select: { reporterNumber: true } });
  return { id: staff.id, name, reporterNumber, path: reporterPath({ reporterNumber, name }) };
}

describe("reporter addresses", () => {
  it("every account gets its own number; the page answers at <number>-<name>, and the old, bare or misnamed addresses are not current", async () => {
    const first = await reporterWithStory("한지민");
    const second = await reporterWithStory("오세훈");
    expect(second.reporterNumber).not.toBe(first.reporterNumber);
    expect(await getPublicReporter(segmentOf(first.path))).toMatchObject({ reporter: { id: first.id, reporterNumber: first.reporterNumber, path: first.path }, isCurrentAddress: true });
    for (const old of [first.id, String(first.reporterNumber), `${first.reporterNumber}-다른이름`]) {
      expect(await getPublicReporter(old), old).toMatchObject({ reporter: { id: first.id, path: first.path }, isCurrentAddress: false });
    }
    expect(decodeURIComponent(first.path)).toBe(`/reporters/${first.reporterNumber}-한지민`);
  });

  it("a renamed reporter keeps the number: the old name's address is no longer current", async () => {
    const reporter = await reporterWithStory("윤서아");
    await db.user.update({ where: { id: reporter.id }, data: { name: "윤서하" } });
    const found = await getPublicReporter(segmentOf(reporter.path));
    expect(found).toMatchObject({ reporter: { reporterNumber: reporter.reporterNumber, name: "윤서하" }, isCurrentAddress: false });
    expect(decodeURIComponent(found?.reporter.path ?? "")).toBe(`/reporters/${reporter.reporterNumber}-윤서하`);
  });

  it("a deactivated reporter keeps the page of their stories, as before", async () => {
    const reporter = await reporterWithStory("떠난기자");
    await db.user.update({ where: { id: reporter.id }, data: { active: false } });
    expect(await getPublicReporter(segmentOf(reporter.path))).toMatchObject({ reporter: { id: reporter.id }, isCurrentAddress: true });
    expect(await getPublicReporter(reporter.id)).toMatchObject({ reporter: { id: reporter.id }, isCurrentAddress: false });
  });

  it("staff without public stories, unknown numbers and ids have no page in any form", async () => {
    const desk = await createStaff("EDITOR", { name: "내부데스크" });
    const drafter = await createStaff("REPORTER", { name: "초안만" });
    await createArticle(drafter.id, "DRAFT");
    for (const person of [desk, drafter]) {
      const { reporterNumber } = await db.user.findUniqueOrThrow({ where: { id: person.id }, select: { reporterNumber: true } });
      for (const address of [person.id, String(reporterNumber), segmentOf(reporterPath({ reporterNumber, name: person.name }))]) {
        expect(await getPublicReporter(address), `${person.name} at ${address}`).toBeNull();
      }
    }
    for (const address of ["999999999", "999999999-없는기자", "nosuchreporter0000", "not-an-id!", ""]) {
      expect(await getPublicReporter(address), address).toBeNull();
    }
  });

  it("the sitemap links the readable address; the feeds link no old address", async () => {
    const reporter = await reporterWithStory("정하늘");
    expect((await listPublicReporters()).find((entry) => entry.id === reporter.id)).toMatchObject({ reporterNumber: reporter.reporterNumber, name: "정하늘" });
    const sitemap = new XMLParser({ isArray: (name) => name === "url" }).parse(await buildReportersSitemap()) as { urlset: { url: { loc: string }[] } };
    const locs = sitemap.urlset.url.map((url) => url.loc);
    expect(locs).toContainEqual(expect.stringMatching(new RegExp(`^https?://[^/]+${reporter.path}$`)));
    // Percent-encoded, as a sitemap must be, and no account id anywhere.
    expect(locs.every((loc) => /^[\x21-\x7e]+$/.test(loc))).toBe(true);
    expect(locs.join(" ")).not.toContain(reporter.id);
    // RSS 2.0 has no field for an author's page (<author> is "e-mail (name)"): the feeds name the
    // reporter and link no reporter address, old or new.
    const feed = await buildStoryFeed({});
    expect(feed).toContain("정하늘");
    expect(feed).not.toContain(`/reporters/${reporter.id}`);
  });
});
