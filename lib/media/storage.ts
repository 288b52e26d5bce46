// Where uploaded bytes live: local disk under the data folder by default, or an S3-compatible
// bucket (lib/media/s3-storage.ts) when the app runs on several machines (MEDIA_STORAGE=s3).
// Keys come from the content, so a key is written once and never changes.
import { createHash, randomBytes } from "node:crypto";
import { createReadStream } from "node:fs";
import { mkdir, readFile, rename, rm, stat, writeFile } from "node:fs/promises";
import path from "node:path";
import { Readable } from "node:stream";
import { serverEnv } from "@/lib/config/env";
import { s3MediaStorage } from "@/lib/media/s3-storage";
import { mediaStorageUnavailable } from "@/lib/media/storage-errors";
import type { MediaStorage } from "@/lib/media/storage-types";

const SAFE_KEY = /^[a-z0-9][a-z0-9/_-]*\.(jpg|png|webp|gif)$/;

export function isSafeStorageKey(key: string): boolean {
  return SAFE_KEY.test(key) && !key.includes("..") && !key.includes("//");
}

const MEDIA_CONTENT_TYPES: Record<string, string> = { jpg: "image/jpeg", png: "image/png", webp: "image/webp", gif: "image/gif" };

/** The content type of a stored key, from its extension. */
export function contentTypeOfKey(key: string): string {
  return MEDIA_CONTENT_TYPES[key.slice(key.lastIndexOf(".") + 1)] ?? "application/octet-stream";
}

/** A key derived from the content, so the same file is stored once and URLs can be cached forever. */
export function contentStorageKey(bytes: Buffer, extension: "jpg" | "png" | "webp" | "gif", folder = "m"): string {
  const digest = createHash("sha256").update(bytes).digest("hex").slice(0, 32);
  return `${folder}/${digest.slice(0, 2)}/${digest}.${extension}`;
}

const isMissing = (error: unknown) => (error as NodeJS.ErrnoException).code === "ENOENT";

export function localDiskStorage(rootDir: string): MediaStorage {
  const resolve = (key: string) => {
    if (!isSafeStorageKey(key)) throw new Error(`unsafe media key: ${key}`);
    return path.join(rootDir, key);
  };
  return {
    async put(key, bytes) {
      const file = resolve(key);
      // Written beside the target and renamed into place: a full or failing disk leaves no
      // half-written file under a key that promises whole content.
      const temporary = `${file}.${randomBytes(6).toString("hex")}.partial`;
      try {
        await mkdir(path.dirname(file), { recursive: true });
        await writeFile(temporary, bytes);
        await rename(temporary, file);
      } catch (error) {
        await rm(temporary, { force: true }).catch(() => undefined); // nothing was created there
        throw mediaStorageUnavailable(error);
      }
    },
    async get(key) {
      try {
        return await readFile(resolve(key));
      } catch (error) {
        if (isMissing(error)) return undefined;
        throw error;
      }
    },
    async open(key) {
      const file = resolve(key);
      try {
        const { size } = await stat(file);
        return { body: Readable.toWeb(createReadStream(file)) as ReadableStream<Uint8Array>, size };
      } catch (error) {
        if (isMissing(error)) return undefined;
        throw error;
      }
    },
  };
}

export function defaultMediaDir(): string {
  const env = serverEnv();
  if (env.MEDIA_DIR) return path.resolve(/*turbopackIgnore: true*/ env.MEDIA_DIR);
  return path.join(/*turbopackIgnore: true*/ env.NEWSROOM_DATA_DIR ?? path.join(process.cwd(), ".data"), "media");
}

/** The storage the settings choose. */
function configuredMediaStorage(): MediaStorage {
  const env = serverEnv();
  return env.MEDIA_STORAGE === "s3" ? s3MediaStorage(env) : localDiskStorage(defaultMediaDir());
}

let configured: MediaStorage | undefined;
const configuredStorage = () => (configured ??= configuredMediaStorage());

/** The storage the settings choose, created on first use (not at import: settings are checked at start). */
export const mediaStorage: MediaStorage = {
  put: (key, bytes, contentType) => configuredStorage().put(key, bytes, contentType),
  get: (key) => configuredStorage().get(key),
  open: (key) => configuredStorage().open(key),
  publicUrl: (key) => configuredStorage().publicUrl?.(key),
};
