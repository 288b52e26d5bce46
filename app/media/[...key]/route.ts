import { contentTypeOfKey, isSafeStorageKey, mediaStorage } from "@/lib/media/storage";
import { IMMUTABLE_CACHE_CONTROL } from "@/lib/media/s3-storage";

// Keys are derived from the file's content, so a URL always means the same bytes: cache forever.
// A public bucket or CDN (S3_PUBLIC_URL) is sent to directly; otherwise the file is streamed
// from the store (local disk or a private bucket) without being held whole in memory.
export async function GET(_request: Request, { params }: { params: Promise<{ key: string[] }> }) {
  const key = (await params).key.join("/");
  if (!isSafeStorageKey(key)) return new Response("Not found", { status: 404 });
  const direct = mediaStorage.publicUrl?.(key);
  if (direct) return new Response(null, { status: 308, headers: { location: direct, "cache-control": IMMUTABLE_CACHE_CONTROL } });
  const file = await mediaStorage.open(key);
  if (!file) return new Response("Not found", { status: 404 });
  return new Response(file.body, {
    headers: {
      "content-type": contentTypeOfKey(key),
      ...(file.size !== undefined ? { "content-length": String(file.size) } : {}),
      "cache-control": IMMUTABLE_CACHE_CONTROL,
      "x-content-type-options": "nosniff",
      "content-security-policy": "default-src 'none'; sandbox",
    },
  });
}
