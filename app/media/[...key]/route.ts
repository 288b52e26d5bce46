import { isSafeStorageKey, mediaStorage } from "@/lib/media/storage";

const CONTENT_TYPES: Record<string, string> = { jpg: "image/jpeg", png: "image/png", webp: "image/webp", gif: "image/gif" };

// Keys are derived from the file's content, so a URL always means the same bytes: cache forever.
export async function GET(_request: Request, { params }: { params: Promise<{ key: string[] }> }) {
  const key = (await params).key.join("/");
  if (!isSafeStorageKey(key)) return new Response("Not found", { status: 404 });
  const bytes = await mediaStorage.get(key);
  if (!bytes) return new Response("Not found", { status: 404 });
  const extension = key.slice(key.lastIndexOf(".") + 1);
  return new Response(new Uint8Array(bytes), {
    headers: {
      "content-type": CONTENT_TYPES[extension] ?? "application/octet-stream",
      "cache-control": "public, max-age=31536000, immutable",
      "x-content-type-options": "nosniff",
      "content-security-policy": "default-src 'none'; sandbox",
    },
  });
}
