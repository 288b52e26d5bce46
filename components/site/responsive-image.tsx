import type { PublicImage } from "@/lib/media/public-image";

// A stored image as <picture>: WebP and JPEG sources from the stored widths when there are any,
// with its intrinsic size so the layout does not jump, lazy unless it is above the fold.
export function ResponsiveImage({
  image,
  sizes,
  className,
  eager = false,
}: {
  image: PublicImage;
  /** The CSS width the image takes, e.g. "(max-width: 640px) 100vw, 200px". */
  sizes: string;
  className?: string;
  /** For the one image above the fold (the article's hero, the home's top story). */
  eager?: boolean;
}) {
  const loading = eager ? "eager" : "lazy";
  return (
    <picture>
      {image.webpSrcSet && <source type="image/webp" srcSet={image.webpSrcSet} sizes={sizes} />}
      {image.jpegSrcSet && <source type="image/jpeg" srcSet={image.jpegSrcSet} sizes={sizes} />}
      {/* Plain <img>: our media route serves stored sizes already; next/image would add a resizer. */}
      <img
        className={className}
        src={image.src}
        alt={image.alt}
        width={image.width}
        height={image.height}
        loading={loading}
        decoding="async"
        fetchPriority={eager ? "high" : undefined}
      />
    </picture>
  );
}
