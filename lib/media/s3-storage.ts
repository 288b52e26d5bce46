// Media in an S3-compatible bucket (AWS S3, MinIO, Cloudflare R2, NCP Object Storage...), for
// when several app instances must see the same files. Objects are written with their content
// type and an immutable cache lifetime (keys are content hashes), so a bucket or CDN serving them
// directly needs no further rules.
import { GetObjectCommand, PutObjectCommand, S3Client, S3ServiceException } from "@aws-sdk/client-s3";
import type { Env } from "@/lib/config/env";
import type { MediaStorage } from "@/lib/media/storage-types";
import { mediaStorageUnavailable } from "@/lib/media/storage-errors";

export const IMMUTABLE_CACHE_CONTROL = "public, max-age=31536000, immutable";

function isMissingObject(error: unknown): boolean {
  return error instanceof S3ServiceException && (error.name === "NoSuchKey" || error.name === "NotFound" || error.$metadata.httpStatusCode === 404);
}

export function s3MediaStorage(env: Env): MediaStorage {
  const bucket = env.S3_BUCKET;
  if (!bucket) throw new Error("MEDIA_STORAGE=s3 needs S3_BUCKET");
  const client = new S3Client({
    region: env.S3_REGION,
    ...(env.S3_ENDPOINT ? { endpoint: env.S3_ENDPOINT } : {}),
    forcePathStyle: env.S3_FORCE_PATH_STYLE === "1",
    // Without explicit keys the SDK's own chain applies (instance role, AWS_* variables).
    ...(env.S3_ACCESS_KEY_ID && env.S3_SECRET_ACCESS_KEY
      ? { credentials: { accessKeyId: env.S3_ACCESS_KEY_ID, secretAccessKey: env.S3_SECRET_ACCESS_KEY } }
      : {}),
    // Many S3-compatible stores refuse the SDK's default CRC trailers (aws-chunked bodies);
    // checksums only where the API requires them keeps every store working.
    requestChecksumCalculation: "WHEN_REQUIRED",
    responseChecksumValidation: "WHEN_REQUIRED",
  });
  const publicBase = env.S3_PUBLIC_URL;

  const getObject = async (key: string) => {
    try {
      return await client.send(new GetObjectCommand({ Bucket: bucket, Key: key }));
    } catch (error) {
      if (isMissingObject(error)) return undefined;
      throw error;
    }
  };

  return {
    async put(key, bytes, contentType) {
      try {
        // One PutObject: S3 stores an object whole or not at all, so a failed upload leaves nothing.
        await client.send(
          new PutObjectCommand({ Bucket: bucket, Key: key, Body: bytes, ContentLength: bytes.length, ContentType: contentType, CacheControl: IMMUTABLE_CACHE_CONTROL }),
        );
      } catch (error) {
        throw mediaStorageUnavailable(error);
      }
    },
    async get(key) {
      const object = await getObject(key);
      return object?.Body ? Buffer.from(await object.Body.transformToByteArray()) : undefined;
    },
    async open(key) {
      const object = await getObject(key);
      if (!object?.Body) return undefined;
      return { body: object.Body.transformToWebStream() as ReadableStream<Uint8Array>, size: object.ContentLength };
    },
    publicUrl: publicBase ? (key) => `${publicBase}/${key}` : undefined,
  };
}
