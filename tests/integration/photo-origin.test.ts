// Where a photo comes from, against the real database and media folder: an upload whose credit
// (IPTC/EXIF, or typed) names a wire agency is filed as 통신 with that agency unless the uploader
// chose otherwise; the library edits the origin with the source its kind needs, in Korean.
import { beforeAll, describe, expect, it } from "vitest";
import type { StaffUser } from "@/lib/auth/staff-user";
import { db } from "@/lib/db";
import { getMedia, updateMedia, uploadLibraryImage } from "@/lib/media/media-library";
import { jpegWithMetadata } from "../support/image-fixtures";
import { refusalOf } from "../support/refusal";
import { createMedia, createStaff } from "../support/staff-fixtures";

let reporter: StaffUser;
let editor: StaffUser;
// Uploads are stored by their pixels: each test photo gets a size of its own.
let width = 700;

beforeAll(async () => {
  reporter = await createStaff("REPORTER");
  editor = await createStaff("EDITOR");
});

async function upload(actor: StaffUser, options: { iptcCredit?: string; exifArtist?: string; fields?: Record<string, string> }) {
  width += 1;
  const bytes = await jpegWithMetadata({
    width,
    height: 400,
    ...(options.iptcCredit ? { iptc: { credit: Buffer.from(options.iptcCredit, "utf8"), declareUtf8: true } } : {}),
    ...(options.exifArtist ? { exif: { artist: options.exifArtist } } : {}),
  });
  const data = new FormData();
  data.set("file", new File([new Uint8Array(bytes)], "photo.jpg"));
  for (const [key, value] of Object.entries(options.fields ?? {})) data.set(key, value);
  return uploadLibraryImage(actor, new Request("http://newsroom.test/api/v1/media", { method: "POST", body: data }));
}


describe("uploads", () => {
  it("a credit naming a wire agency files the photo as 통신 with that agency; any other credit leaves the origin unrecorded", async () => {
    expect(await upload(reporter, { iptcCredit: "YONHAP" })).toMatchObject({ credit: "YONHAP", origin: "WIRE", originSource: "연합뉴스" });
    expect(await upload(reporter, { exifArtist: "REUTERS/Kim Hong-Ji" })).toMatchObject({ origin: "WIRE", originSource: "로이터" });
    // A credit typed in the form counts as much as the file's own.
    expect(await upload(reporter, { fields: { credit: "AP Photo/Ahn Young-joon" } })).toMatchObject({ origin: "WIRE", originSource: "AP" });
    expect(await upload(reporter, { iptcCredit: "사진=누리일보 홍길동 기자" })).toMatchObject({ origin: null, originSource: "" });
    expect(await upload(reporter, {})).toMatchObject({ origin: null, originSource: "" });
  });

  it("what the uploader chose wins; a wire photo takes its agency from the credit or must name one", async () => {
    // An agency's handout passed on by a city hall: the uploader knows better than the credit line.
    expect(await upload(reporter, { iptcCredit: "연합뉴스", fields: { origin: "HANDOUT", originSource: "고양특례시" } })).toMatchObject({ origin: "HANDOUT", originSource: "고양특례시" });
    expect(await upload(reporter, { iptcCredit: "NEWSIS", fields: { origin: "WIRE" } })).toMatchObject({ origin: "WIRE", originSource: "뉴시스" });
    expect(await upload(reporter, { fields: { origin: "OWN", originSource: "남은 글자" } })).toMatchObject({ origin: "OWN", originSource: "" });

    const before = await db.media.count();
    const missing = await refusalOf(upload(reporter, { iptcCredit: "사진=독자", fields: { origin: "WIRE" } }));
    expect(missing?.code).toBe("VALIDATION");
    expect(missing?.message).toBe("통신 사진은 통신사를 적어야 합니다.");
    const bad = await refusalOf(upload(reporter, { fields: { origin: "STOLEN" } }));
    expect(bad?.message).toContain("사진 출처 유형은 자체, 통신, 제공, 외부 가운데 고르세요.");
    expect(await db.media.count()).toBe(before);
  });
});

describe("the library", () => {
  it("the uploader or the desk sets the origin; a kind needs its source; a new kind drops the old source", async () => {
    const photo = await createMedia(reporter.id, { credit: "사진=누리일보" });
    expect(await getMedia(reporter, photo.id)).toMatchObject({ origin: null, originSource: "" });

    const noAgency = await refusalOf(updateMedia(reporter, photo.id, { origin: "WIRE" }));
    expect(noAgency?.message).toBe("통신 사진은 통신사를 적어야 합니다.");
    expect(await refusalOf(updateMedia(reporter, photo.id, { origin: "EXTERNAL", originSource: " " }))).toMatchObject({ message: "외부 사진은 출처를 적어야 합니다." });

    expect(await updateMedia(reporter, photo.id, { origin: "WIRE", originSource: "뉴스1" })).toMatchObject({ origin: "WIRE", originSource: "뉴스1" });
    // The source alone: the kind stays.
    expect(await updateMedia(editor, photo.id, { originSource: "연합뉴스" })).toMatchObject({ origin: "WIRE", originSource: "연합뉴스" });
    // Another field alone leaves the origin as it is.
    expect(await updateMedia(editor, photo.id, { caption: "시청 앞 광장" })).toMatchObject({ origin: "WIRE", originSource: "연합뉴스" });
    expect(await refusalOf(updateMedia(editor, photo.id, { origin: "HANDOUT" }))).toMatchObject({ message: "제공 사진은 제공한 곳을 적어야 합니다." });
    expect(await updateMedia(editor, photo.id, { origin: "OWN" })).toMatchObject({ origin: "OWN", originSource: "" });
    expect(await updateMedia(editor, photo.id, { origin: null })).toMatchObject({ origin: null, originSource: "" });

    const events = await db.domainEvent.findMany({ where: { type: "media.updated", payload: { path: ["mediaId"], equals: photo.id } }, orderBy: { id: "asc" } });
    expect(events.map((event) => (event.payload as { fields: string[] }).fields)).toEqual([["origin", "originSource"], ["originSource"], ["caption"], ["origin"], ["origin"]]);
  });

  it("another reporter may not change a colleague's photo's origin", async () => {
    const photo = await createMedia(reporter.id);
    const other = await createStaff("REPORTER");
    expect((await refusalOf(updateMedia(other, photo.id, { origin: "OWN" })))?.code).toBe("FORBIDDEN");
    expect((await db.media.findUniqueOrThrow({ where: { id: photo.id } })).origin).toBeNull();
  });
});
