import type { MediaOut } from "@/lib/media/media-output";

/** The smallest stored copy that fills a library tile, WebP first. */
export function MediaThumbnail({ media }: { media: MediaOut }) {
  const alt = media.alt || media.caption || "사진";
  if (media.variants.length === 0) {
    // Our own stored copies, already sized at upload: next/image's optimiser is not used here.
    // eslint-disable-next-line @next/next/no-img-element
    return <img className="media-thumb" src={media.url} alt={alt} loading="lazy" />;
  }
  const webp = media.variants.map((variant) => `${variant.webp} ${variant.width}w`).join(", ");
  const jpeg = media.variants.map((variant) => `${variant.jpeg} ${variant.width}w`).join(", ");
  return (
    <picture>
      <source type="image/webp" srcSet={webp} sizes="240px" />
      <img className="media-thumb" src={media.variants[0]!.jpeg} srcSet={jpeg} sizes="240px" alt={alt} loading="lazy" width={media.width} height={media.height} />
    </picture>
  );
}
