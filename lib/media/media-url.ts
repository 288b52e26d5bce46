/** The public URL of a stored file (served by app/media/[...key]/route.ts). */
export function mediaUrl(storageKey: string): string {
  return `/media/${storageKey}`;
}
