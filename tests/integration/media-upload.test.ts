// Uploads through the one image pipeline, and the media library, against the real database and a
// real media folder: what is refused, what is stored, and what the library finds.
import { readdir } from "node:fs/promises";
import { tmpdir } from "node:os";
import sharp from "sharp";
import { beforeAll, describe, expect, it } from "vitest";
import type { StaffUser } from "@/lib/auth/staff-user";
import { db } from "@/lib/db";
import { DomainError } from "@/lib/errors";
import { MAX_UPLOAD_BYTES, UPLOAD_TOO_LARGE_MESSAGE, variantWidths } from "@/lib/media/image-pipeline";
import { getMedia, listMedia, MEDIA_PAGE_SIZE, updateMedia, uploadLibraryImage } from "@/lib/media/media-library";
import { readMediaVariants } from "@/lib/media/media-url";
import { MEDIA_STORE_UNAVAILABLE_MESSAGE } from "@/lib/media/storage-errors";
import { mediaStorage } from "@/lib/media/storage";
import { storeProfilePhoto } from "@/lib/media/store-uploaded-image";
import { htmlBehindPngHeader, jpegWithMetadata, plainJpeg, plainPng, pngBomb, pngWithScriptChunk, SVG_WITH_SCRIPT } from "../support/image-fixtures";
import { createMedia, createStaff } from "../support/staff-fixtures";

let reporter: StaffUser;
let otherReporter: StaffUser;
let editor: StaffUser;

beforeAll(async () => {
  reporter = await createStaff("REPORTER", { name: "김사진" });
  otherReporter = await createStaff("REPORTER", { name: "박다른" });
  editor = await createStaff("EDITOR", { name: "최데스크" });
});

/** The form as the upload route receives it: a request with a multipart body, read as it streams. */
const uploadRequest = (data: FormData) => new Request("http://newsroom.test/api/v1/media", { method: "POST", body: data });

function form(bytes: Buffer, name: string, fields: Record<string, string> = {}): Request {
  const data = new FormData();
  data.set("file", new File([new Uint8Array(bytes)], name));
  for (const [key, value] of Object.entries(fields)) data.set(key, value);
  return uploadRequest(data);
}

const uploadFolders = async () => new Set((await readdir(tmpdir())).filter((name) => name.startsWith("newsroom-upload-")));

async function refusal(promise: Promise<unknown>): Promise<{ code: string; message: string }> {
  const error = await promise.then(
    () => null,
    (e: unknown) => e,
  );
  if (!(error instanceof DomainError)) throw new Error(`expected a DomainError, got ${String(error)}`);
  return { code: error.code, message: error.message };
}

describe("what is refused", () => {
  it("an SVG (with a script), whatever its name", async () => {
    const before = await db.media.count();
    for (const name of ["logo.svg", "photo.png", "photo.jpg"]) {
      const result = await refusal(uploadLibraryImage(reporter, form(SVG_WITH_SCRIPT, name)));
      expect(result.code).toBe("VALIDATION");
      expect(result.message).toContain("SVG");
    }
    expect(await db.media.count()).toBe(before);
  });

  it("HTML with a script behind a PNG header, named .jpg", async () => {
    expect(await refusal(uploadLibraryImage(reporter, form(htmlBehindPngHeader(), "photo.jpg")))).toMatchObject({ code: "VALIDATION" });
  });

  it("a file over 20 MB, before decoding it", async () => {
    const big = Buffer.alloc(MAX_UPLOAD_BYTES + 1, 0xff);
    const result = await refusal(uploadLibraryImage(reporter, form(big, "huge.jpg")));
    expect(result).toMatchObject({ code: "VALIDATION" });
    expect(result.message).toContain("20MB");
  });

  it("a body past 20 MB is refused as it streams: read no further than the limit, nothing left on disk", async () => {
    const before = await uploadFolders();
    const chunk = new Uint8Array(256 * 1024).fill(0xab);
    let pulled = 0;
    const boundary = "----streamed-upload";
    const encoder = new TextEncoder();
    // 200 MB, produced only as the reader asks for it: a reader that buffered the body would pull it all.
    const body = new ReadableStream<Uint8Array>({
      start(controller) {
        controller.enqueue(encoder.encode(`--${boundary}\r\ncontent-disposition: form-data; name="file"; filename="huge.jpg"\r\ncontent-type: image/jpeg\r\n\r\n`));
      },
      pull(controller) {
        if (pulled >= 200 * 1024 * 1024) return controller.close();
        pulled += chunk.length;
        controller.enqueue(chunk);
      },
    });
    const request = new Request("http://newsroom.test/api/v1/media", {
      method: "POST",
      headers: { "content-type": `multipart/form-data; boundary=${boundary}` },
      body,
      duplex: "half",
    } as RequestInit & { duplex: "half" });
    const result = await refusal(uploadLibraryImage(reporter, request));
    expect(result).toEqual({ code: "VALIDATION", message: UPLOAD_TOO_LARGE_MESSAGE });
    expect(pulled).toBeGreaterThan(MAX_UPLOAD_BYTES);
    expect(pulled).toBeLessThan(MAX_UPLOAD_BYTES + 4 * 1024 * 1024);
    expect([...(await uploadFolders())].filter((name) => !before.has(name))).toEqual([]);
  });

  it("no room for the temporary file (its folder cannot be made): the media store's Korean 503, no row", async () => {
    const before = await db.media.count();
    const tmp = process.env.TMPDIR;
    process.env.TMPDIR = "/nonexistent/newsroom-upload-test";
    try {
      const result = await refusal(uploadLibraryImage(reporter, form(await plainJpeg(640, 480), "photo.jpg")));
      expect(result).toEqual({ code: "UNAVAILABLE", message: MEDIA_STORE_UNAVAILABLE_MESSAGE });
    } finally {
      if (tmp === undefined) delete process.env.TMPDIR;
      else process.env.TMPDIR = tmp;
    }
    expect(await db.media.count()).toBe(before);
  });

  it("a decompression bomb: 100 megapixels in 12 KB", async () => {
    const bomb = pngBomb();
    expect(bomb.length).toBeLessThan(20_000);
    const result = await refusal(uploadLibraryImage(reporter, form(bomb, "bomb.png")));
    expect(result).toMatchObject({ code: "VALIDATION" });
    expect(result.message).toContain("화소");
  });

  it("an empty file and a form without a file", async () => {
    expect(await refusal(uploadLibraryImage(reporter, form(Buffer.alloc(0), "empty.jpg")))).toMatchObject({ code: "VALIDATION" });
    expect(await refusal(uploadLibraryImage(reporter, uploadRequest(new FormData())))).toMatchObject({ code: "VALIDATION" });
  });
});

describe("what is stored", () => {
  it("responsive copies at 480/960/1600 in JPEG and WebP, never enlarged, without metadata; storageKey is the widest JPEG", async () => {
    const source = await jpegWithMetadata({ width: 2400, height: 1600, exif: { imageDescription: "원본 설명", artist: "원본 작가" } });
    expect((await sharp(source).metadata()).exif).toBeDefined();
    const media = await uploadLibraryImage(reporter, form(source, "wide.jpg", { alt: "넓은 사진" }));
    expect(media.variants.map((variant) => variant.width)).toEqual([480, 960, 1600]);
    expect(media).toMatchObject({ width: 1600, height: 1067, alt: "넓은 사진", uploader: { id: reporter.id, name: "김사진" } });

    const row = await db.media.findUniqueOrThrow({ where: { id: media.id } });
    const variants = readMediaVariants(row.variants);
    expect(row.storageKey).toBe(variants.at(-1)?.jpegKey);
    expect(media.url).toBe(`/media/${row.storageKey}`);
    for (const variant of variants) {
      for (const [key, format] of [[variant.jpegKey, "jpeg"], [variant.webpKey, "webp"]] as const) {
        const bytes = await mediaStorage.get(key);
        if (!bytes) throw new Error(`missing ${key}`);
        const meta = await sharp(bytes).metadata();
        expect(meta).toMatchObject({ format, width: variant.width, height: variant.height });
        expect(meta.exif, `${key} keeps EXIF`).toBeUndefined();
        expect(meta.iptc, `${key} keeps IPTC`).toBeUndefined();
        expect(bytes.includes(Buffer.from("원본 작가", "utf8"))).toBe(false);
      }
    }
  });

  it("a narrow image gets one copy at its own width; a middle one gets its own width on top", async () => {
    expect(variantWidths(300, [480, 960, 1600])).toEqual([300]);
    expect(variantWidths(1000, [480, 960, 1600])).toEqual([480, 960, 1000]);
    expect(variantWidths(5000, [480, 960, 1600])).toEqual([480, 960, 1600]);
    const small = await uploadLibraryImage(reporter, form(await plainJpeg(300, 200), "small.jpg"));
    expect(small.variants.map((variant) => [variant.width, variant.height])).toEqual([[300, 200]]);
  });

  it("turns a sideways camera photo upright (EXIF orientation) before dropping the metadata", async () => {
    const sideways = await jpegWithMetadata({ width: 640, height: 480, exif: { orientation: 6 } });
    const media = await uploadLibraryImage(reporter, form(sideways, "sideways.jpg"));
    expect([media.width, media.height]).toEqual([480, 640]);
  });

  it("a genuine PNG carrying a script in a text chunk is re-encoded: the script does not survive", async () => {
    const media = await uploadLibraryImage(reporter, form(await pngWithScriptChunk(), "polyglot.jpg"));
    const row = await db.media.findUniqueOrThrow({ where: { id: media.id } });
    for (const variant of readMediaVariants(row.variants)) {
      for (const key of [variant.jpegKey, variant.webpKey]) {
        expect(key).toMatch(/\.(jpg|webp)$/);
        expect((await mediaStorage.get(key))?.includes(Buffer.from("<script>"))).toBe(false);
      }
    }
  });

  it("a transparent PNG becomes a JPEG on white and a WebP that keeps its transparency", async () => {
    const media = await uploadLibraryImage(reporter, form(await plainPng(100, 100), "alpha.png"));
    const variant = readMediaVariants((await db.media.findUniqueOrThrow({ where: { id: media.id } })).variants)[0]!;
    expect((await sharp((await mediaStorage.get(variant.webpKey))!).metadata()).hasAlpha).toBe(true);
    expect((await sharp((await mediaStorage.get(variant.jpegKey))!).metadata()).hasAlpha).toBe(false);
  });

  it("writes a media.uploaded event and an audit record with the row", async () => {
    const media = await uploadLibraryImage(reporter, form(await plainJpeg(500, 300), "event.jpg"));
    expect(await db.domainEvent.count({ where: { type: "media.uploaded", payload: { path: ["mediaId"], equals: media.id } } })).toBe(1);
    expect(await db.auditLog.count({ where: { action: "media.upload", targetId: media.id } })).toBe(1);
  });
});

describe("caption and credit from the photo's own metadata", () => {
  const utf8 = (text: string) => Buffer.from(text, "utf8");

  it("IPTC in UTF-8 (Caption-Abstract, Credit) pre-fills Korean caption and credit", async () => {
    const photo = await jpegWithMetadata({ iptc: { declareUtf8: true, caption: utf8("서울시청 앞 광장에서 시민들이 행진하고 있다"), credit: utf8("누리일보 김사진 기자") } });
    const media = await uploadLibraryImage(reporter, form(photo, "iptc.jpg"));
    expect(media).toMatchObject({ caption: "서울시청 앞 광장에서 시민들이 행진하고 있다", credit: "누리일보 김사진 기자" });
  });

  it("IPTC in EUC-KR from an older agency system is decoded too; By-line stands in for a missing Credit", async () => {
    // "사진 설명" and "연합" in EUC-KR.
    const caption = Buffer.from([0xbb, 0xe7, 0xc1, 0xf8, 0x20, 0xbc, 0xb3, 0xb8, 0xed]);
    const byline = Buffer.from([0xbf, 0xac, 0xc7, 0xd5]);
    const media = await uploadLibraryImage(reporter, form(await jpegWithMetadata({ width: 641, iptc: { caption, byline } }), "euckr.jpg"));
    expect(media).toMatchObject({ caption: "사진 설명", credit: "연합" });
  });

  it("EXIF ImageDescription and Artist when there is no IPTC; camera boilerplate is ignored", async () => {
    const photo = await jpegWithMetadata({ width: 642, exif: { imageDescription: "한강 다리 위로 지는 노을", artist: "이준혁 기자", copyright: "누리일보" } });
    expect(await uploadLibraryImage(reporter, form(photo, "exif.jpg"))).toMatchObject({ caption: "한강 다리 위로 지는 노을", credit: "이준혁 기자" });
    const camera = await jpegWithMetadata({ width: 643, exif: { imageDescription: "OLYMPUS DIGITAL CAMERA", copyright: "누리일보" } });
    expect(await uploadLibraryImage(reporter, form(camera, "camera.jpg"))).toMatchObject({ caption: "", credit: "누리일보" });
  });

  it("what the uploader typed wins over the file's metadata", async () => {
    const photo = await jpegWithMetadata({ width: 644, iptc: { declareUtf8: true, caption: utf8("파일의 설명"), credit: utf8("파일의 출처") } });
    const media = await uploadLibraryImage(reporter, form(photo, "typed.jpg", { caption: "직접 쓴 설명", credit: "" }));
    expect(media).toMatchObject({ caption: "직접 쓴 설명", credit: "파일의 출처" });
  });
});

describe("the library", () => {
  it("finds photos by caption, credit, alt text and uploader name (Korean substrings), newest first", async () => {
    const marker = `표식${Date.now()}`;
    const a = await createMedia(reporter.id, { caption: `${marker} 국회 본회의장 전경` });
    const b = await createMedia(otherReporter.id, { credit: `${marker}통신` });
    const c = await createMedia(null, { altText: `${marker} 회의장 안의 의원들` });
    const ids = async (q: string) => (await listMedia(reporter, { q })).media.map((media) => media.id);
    expect(await ids(`${marker} 국회`)).toEqual([a.id]);
    expect(await ids(marker)).toEqual([c.id, b.id, a.id]);
    expect(await ids("회의장")).toEqual(expect.arrayContaining([a.id, c.id]));
    expect(await ids("박다른")).toContain(b.id);
    expect(await ids("박다른")).not.toContain(a.id);
  });

  it("pages with a cursor", async () => {
    const uploader = await createStaff("REPORTER", { name: `쪽넘김${Date.now()}` });
    for (let i = 0; i < MEDIA_PAGE_SIZE + 5; i += 1) await createMedia(uploader.id);
    const first = await listMedia(reporter, { q: uploader.name });
    expect(first.media).toHaveLength(MEDIA_PAGE_SIZE);
    expect(first.nextCursor).not.toBeNull();
    const second = await listMedia(reporter, { q: uploader.name, cursor: first.nextCursor });
    expect(second.media).toHaveLength(5);
    expect(second.nextCursor).toBeNull();
    expect(new Set([...first.media, ...second.media].map((media) => media.id)).size).toBe(MEDIA_PAGE_SIZE + 5);
  });

  it("the uploader and the desk edit alt, caption and credit; another reporter may not", async () => {
    const media = await createMedia(reporter.id, { caption: "처음 설명" });
    expect(await updateMedia(reporter, media.id, { alt: "대체 텍스트" })).toMatchObject({ alt: "대체 텍스트", caption: "처음 설명" });
    expect(await refusal(updateMedia(otherReporter, media.id, { caption: "남이 고친 설명" }))).toMatchObject({ code: "FORBIDDEN" });
    expect(await updateMedia(editor, media.id, { caption: "데스크가 고친 설명", credit: "누리일보" })).toMatchObject({ caption: "데스크가 고친 설명", credit: "누리일보" });
    expect(await refusal(updateMedia(editor, media.id, { caption: "가".repeat(301) }))).toMatchObject({ code: "VALIDATION" });
    expect((await getMedia(otherReporter, media.id)).caption).toBe("데스크가 고친 설명");
    expect(await db.domainEvent.count({ where: { type: "media.updated", payload: { path: ["mediaId"], equals: media.id } } })).toBe(2);
  });
});

describe("staff portraits go through the same pipeline", () => {
  it("stores re-encoded copies at 200 and 400 px", async () => {
    const id = await storeProfilePhoto(editor, new File([new Uint8Array(await plainJpeg(1200, 1200))], "me.jpg"), "최데스크");
    const row = await db.media.findUniqueOrThrow({ where: { id: id! } });
    expect(readMediaVariants(row.variants).map((variant) => variant.width)).toEqual([200, 400]);
    expect(row).toMatchObject({ width: 400, altText: "최데스크" });
    expect(await refusal(storeProfilePhoto(editor, new File([new Uint8Array(SVG_WITH_SCRIPT)], "me.svg"), "최데스크"))).toMatchObject({ code: "VALIDATION" });
  });
});
