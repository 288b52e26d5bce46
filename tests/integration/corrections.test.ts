// Public corrections: typed, with their note and time, at the end of the story, on /corrections
// and in its feed, and only while their story is visible (checked with the planted stories).
import { beforeAll, describe, expect, it } from "vitest";
import { saveArticle } from "@/lib/articles/editor/edit-article";
import { getArticlePageData, getPublicArticle } from "@/lib/articles/public/public-queries";
import { approveArticle, republishArticle, unpublishArticle } from "@/lib/articles/workflow/transitions";
import type { StaffUser } from "@/lib/auth/staff-user";
import { buildCorrectionsFeed } from "@/lib/corrections/corrections-feed";
import { getPublicCorrections } from "@/lib/corrections/public-corrections";
import { db } from "@/lib/db";
import { expectNoPlantedStory, type PlantedStories } from "../support/planted-stories";
import { publishedStory as publishedStoryBy, versionOf } from "../support/story-fixtures";
import { deskCastWithPlantedStories } from "../support/desk-cast";

let reporter: StaffUser;
let editor: StaffUser;
let planted: PlantedStories;

beforeAll(async () => ({ reporter, editor, planted } = await deskCastWithPlantedStories()));


const publishedStory = (headline: string) => publishedStoryBy(reporter, editor, headline);

describe("정정 and 반론", () => {
  it("a 정정 shows at the end of the story's page data, on /corrections and in the corrections feed; a 수정 stays silent", async () => {
    const id = await publishedStory("시청 앞 광장 공사 시작");
    await saveArticle(editor, id, { version: await versionOf(id), headline: "시청 앞 광장 공사 내달 시작" });
    await approveArticle(editor, id, { version: await versionOf(id), correctionType: "CORRECTION", correctionNote: "공사 시작 시점을 이달에서 내달로 바로잡습니다." });
    await saveArticle(editor, id, { version: await versionOf(id), summary: "요약만 고침" });
    await approveArticle(editor, id, { version: await versionOf(id), correctionType: "UPDATE" });

    const page = await getArticlePageData(id);
    expect(page.state).toBe("visible");
    if (page.state !== "visible") return;
    expect(page.article.corrections).toEqual([{ type: "CORRECTION", note: "공사 시작 시점을 이달에서 내달로 바로잡습니다.", at: expect.any(Date) }]);

    const listed = (await getPublicCorrections()).filter((correction) => correction.story.id === id);
    expect(listed).toMatchObject([{ type: "CORRECTION", note: "공사 시작 시점을 이달에서 내달로 바로잡습니다.", story: { headline: "시청 앞 광장 공사 내달 시작" } }]);
    const feed = await buildCorrectionsFeed();
    expect(feed).toContain("<rss");
    expect(feed).toContain("[정정] 시청 앞 광장 공사 내달 시작");
    expect(feed).toContain("공사 시작 시점을 이달에서 내달로 바로잡습니다.");
    expect(feed).not.toContain("요약만 고침");
  });

  it("a 반론 is labelled as such", async () => {
    const id = await publishedStory("주민 반발 속 소각장 건립 추진");
    await saveArticle(editor, id, { version: await versionOf(id), body: { type: "doc", content: [{ type: "paragraph", content: [{ type: "text", text: `${"반론을 덧붙인 본문. ".repeat(12)}` }] }] } });
    await approveArticle(editor, id, { version: await versionOf(id), correctionType: "REPLY", correctionNote: "OO구청은 \"주민 설명회를 세 차례 열었다\"고 알려왔습니다." });
    expect((await getPublicArticle(id))?.corrections).toMatchObject([{ type: "REPLY" }]);
    expect(await buildCorrectionsFeed()).toContain("[반론] 주민 반발 속 소각장 건립 추진");
  });

  it("a correction disappears with its story (unpublished), and comes back with it (republished)", async () => {
    const id = await publishedStory("내렸다 올리는 정정 기사");
    await saveArticle(editor, id, { version: await versionOf(id), headline: "내렸다 올리는 정정 기사(바로잡음)" });
    await approveArticle(editor, id, { version: await versionOf(id), correctionType: "CORRECTION", correctionNote: "숨을 정정 설명" });
    await unpublishArticle(editor, id, { reason: "재확인" });
    expect(JSON.stringify(await getPublicCorrections())).not.toContain("숨을 정정 설명");
    expect(await buildCorrectionsFeed()).not.toContain("숨을 정정 설명");
    await republishArticle(editor, id, { reason: "확인 완료" });
    expect(JSON.stringify(await getPublicCorrections())).toContain("숨을 정정 설명");
  });

  it("no correction of a planted private story reaches /corrections, the feed or a page; the public ones do", async () => {
    const corrections = JSON.stringify(await getPublicCorrections({ limit: 500 }));
    expectNoPlantedStory(planted, corrections, "/corrections");
    expect(corrections).toContain(`${planted.publishedMarker} 정정 설명`);
    expect(corrections).toContain(`${planted.publishedMarker}live 정정 설명`);
    const feed = await buildCorrectionsFeed();
    expectNoPlantedStory(planted, feed, "/corrections/feed.xml");
    for (const id of Object.values(planted.ids)) {
      const data = await getArticlePageData(id);
      expectNoPlantedStory(planted, JSON.stringify(data), `the page of story ${id}`);
    }
    // And the check can fail: every correction, unfiltered, does hold the private markers.
    const everything = JSON.stringify(await db.articleCorrection.findMany({ select: { note: true } }));
    expect(() => expectNoPlantedStory(planted, everything)).toThrow(/leaked/);
  });
});
