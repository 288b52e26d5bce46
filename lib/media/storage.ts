// Where uploaded bytes live. Local disk under the data folder by default; the interface is
// what an S3-compatible bucket implementation would plug into when the app runs on several
// machines (docs/architecture.md).
import { createHash } from "node:crypto";
import { mkdir, readFile, writeFile } from "node:fs/promises";
import path from "node:path";
import { serverEnv } from "@/lib/config/env";

export interface MediaStorage {
  put(key: string, bytes: Buffer): Promise<void>;
  /** The bytes, or undefined when no such key exists. */
  get(key: string): Promise<Buffer | undefined>;
}

const SAFE_KEY = /^[a-z0-9][a-z0-9/_-]*\.(jpg|png|webp|gif)$/;

export function isSafeStorageKey(key: string): boolean {
  return SAFE_KEY.test(key) && !key.includes("..") && !key.includes("//");
}

/** A key derived from the content, so the same file is stored once and URLs can be cached forever. */
export function contentStorageKey(bytes: Buffer, extension: "jpg" | "png" | "webp" | "gif", folder = "m"): string {
  const digest = createHash("sha256").update(bytes).digest("hex").slice(0, 32);
  return `${folder}/${digest.slice(0, 2)}/${digest}.${extension}`;
}

export function localDiskStorage(rootDir: string): MediaStorage {
  const resolve = (key: string) => {
    if (!isSafeStorageKey(key)) throw new Error(`unsafe media key: ${key}`);
    return path.join(rootDir, key);
  };
  return {
    async put(key, bytes) {
      const file = resolve(key);
      await mkdir(path.dirname(file), { recursive: true });
      await writeFile(file, bytes);
    },
    async get(key) {
      try {
        return await readFile(resolve(key));
      } catch (error) {
        if ((error as NodeJS.ErrnoException).code === "ENOENT") return undefined;
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

let configured: MediaStorage | undefined;
const configuredStorage = () => (configured ??= localDiskStorage(defaultMediaDir()));

/** The storage the settings choose, created on first use (not at import: settings are checked at start). */
export const mediaStorage: MediaStorage = {
  put: (key, bytes) => configuredStorage().put(key, bytes),
  get: (key) => configuredStorage().get(key),
};
