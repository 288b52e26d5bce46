// The editor's tag typeahead (GET /api/v1/tags?q=) suggests the tags readers can see and the tags
// of stories the asker may read: a reporter never learns a tag that exists only on a colleague's
// draft or on an unapproved update (a tag can say what a story is about before it is public).
import { beforeAll, describe, expect, it } from "vitest";
import type { StaffUser } from "@/lib/auth/staff-user";
import { searchTags } from "@/lib/articles/tags";
import { staffUserSelect } from "@/lib/auth/staff-user";
import { db } from "@/lib/db";
import { plantStories, type PlantedStories } from "../support/planted-stories";
import { createStaff } from "../support/staff-fixtures";

let planted: PlantedStories;
let colleague: StaffUser;
let plantedAuthor: StaffUser;
let editor: StaffUser;
const names = (tags: { name: string }[]) => tags.map((tag) => tag.name);

beforeAll(async () => {
  planted = await plantStories(db);
  colleague = await createStaff("REPORTER");
  editor = await createStaff("EDITOR");
  const { active: _active, ...author } = await db.user.findUniqueOrThrow({ where: { id: planted.authorId }, select: staffUserSelect });
  plantedAuthor = author;
});

describe("tag suggestions", () => {
  it("a reporter is offered public tags only, never those of a colleague's draft or unapproved update", async () => {
    const privateNames = [`${planted.markers.draft}태그`, `${planted.markers.pendingUpdate}태그`];
    for (const q of ["planted", "태그", "", planted.markers.draft, planted.markers.pendingUpdate]) {
      const offered = names(await searchTags(colleague, { q }));
      for (const name of privateNames) expect(offered, `q=${q}`).not.toContain(name);
    }
    // The published stories' tag is public: offered.
    expect(names(await searchTags(colleague, { q: "심은태그" }))).toContain((await db.tag.findUniqueOrThrow({ where: { id: planted.tagId } })).name);
  });

  it("a tag only on a story scheduled for later is not public yet", async () => {
    const tag = await db.tag.create({ data: { name: `예약전용태그${planted.markers.scheduled}`, slug: `scheduled-only-${planted.markers.scheduled}` } });
    await db.articleLiveTag.create({ data: { articleId: planted.ids.scheduled, tagId: tag.id } });
    await db.articleTag.create({ data: { articleId: planted.ids.scheduled, tagId: tag.id } });
    expect(names(await searchTags(colleague, { q: "예약전용태그" }))).toEqual([]);
    expect(names(await searchTags(plantedAuthor, { q: "예약전용태그" }))).toEqual([tag.name]);
  });

  it("the writer is offered the tags of their own stories, the desk every tag", async () => {
    const privateNames = [`${planted.markers.draft}태그`, `${planted.markers.pendingUpdate}태그`];
    expect(names(await searchTags(plantedAuthor, { q: "planted" }))).toEqual(expect.arrayContaining(privateNames));
    expect(names(await searchTags(editor, { q: "planted" }))).toEqual(expect.arrayContaining(privateNames));
  });

  it("a tag no story carries any more is offered to the desk only", async () => {
    const orphan = await db.tag.create({ data: { name: "고아태그시험", slug: "orphan-tag-test" } });
    expect(names(await searchTags(colleague, { q: "고아태그" }))).toEqual([]);
    expect(names(await searchTags(editor, { q: "고아태그" }))).toEqual([orphan.name]);
  });
});
