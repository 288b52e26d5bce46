// Local media storage: a file is stored whole or not at all (written beside the target, then
// renamed), and a folder that cannot be written is a Korean 503, not a raw error.
import { mkdtemp, readdir, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { DomainError } from "@/lib/errors";
import { contentStorageKey, localDiskStorage } from "@/lib/media/storage";
import { MEDIA_STORE_UNAVAILABLE_MESSAGE } from "@/lib/media/storage-errors";

let folder: string;
beforeEach(async () => {
  folder = await mkdtemp(path.join(tmpdir(), "media-storage-"));
});
afterEach(async () => {
  await rm(folder, { recursive: true, force: true });
});

describe("local media storage", () => {
  it("stores, reads back and streams a file, leaving no temporary file", async () => {
    const storage = localDiskStorage(folder);
    const bytes = Buffer.from("jpeg bytes");
    const key = contentStorageKey(bytes, "jpg");
    await storage.put(key, bytes, "image/jpeg");
    expect(await storage.get(key)).toEqual(bytes);
    const opened = await storage.open(key);
    expect(opened?.size).toBe(bytes.length);
    expect(Buffer.from(await new Response(opened!.body).arrayBuffer())).toEqual(bytes);
    expect((await readdir(path.dirname(path.join(folder, key)))).filter((name) => name.endsWith(".partial"))).toEqual([]);
    expect(await storage.open("m/00/missing.jpg")).toBeUndefined();
  });

  it("a folder that cannot be written is UNAVAILABLE with the Korean message, and nothing is left", async () => {
    // A file where the key's folder should be: every write under it fails (as root too).
    await writeFile(path.join(folder, "m"), "not a folder");
    const storage = localDiskStorage(folder);
    const bytes = Buffer.from("jpeg bytes");
    const error = await storage.put(contentStorageKey(bytes, "jpg"), bytes, "image/jpeg").then(
      () => null,
      (e: unknown) => e,
    );
    expect(error).toBeInstanceOf(DomainError);
    expect(error).toMatchObject({ code: "UNAVAILABLE", message: MEDIA_STORE_UNAVAILABLE_MESSAGE });
    expect(await readdir(folder)).toEqual(["m"]);
  });
});
