// Media in an S3-compatible bucket: an instance started with MEDIA_STORAGE=s3 against a local S3
// server (s3rver, which speaks S3's HTTP API, so the real AWS SDK client is exercised) stores an
// upload made through the real API in the bucket, serves it at its public /media URL with an
// immutable cache lifetime, and answers 404 for a key that is not there.
import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { GetObjectCommand, HeadObjectCommand, S3Client } from "@aws-sdk/client-s3";
import S3rver from "s3rver";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { DEMO_STAFF } from "@/lib/seed/demo-newsroom";
import { startAppInstance, type AppInstance } from "../support/app-instance";
import { signInOverHttp } from "../support/http-session";
import { plainJpeg } from "../support/image-fixtures";
import { findFreePort } from "../support/test-cluster";

const databaseUrl = inject("appDatabaseUrl");
const password = inject("demoPassword");
const BUCKET = "newsroom-media-test";
const CREDENTIALS = { accessKeyId: "S3RVER", secretAccessKey: "S3RVER" };

let s3server: S3rver;
let s3Folder: string;
let endpoint: string;
let app: AppInstance;
let bucket: S3Client;

beforeAll(async () => {
  s3Folder = await mkdtemp(path.join(tmpdir(), "newsroom-s3-"));
  const port = await findFreePort();
  s3server = new S3rver({ address: "127.0.0.1", port, silent: true, directory: s3Folder, configureBuckets: [{ name: BUCKET, configs: [] }] });
  await s3server.run();
  endpoint = `http://127.0.0.1:${port}`;
  bucket = new S3Client({ region: "us-east-1", endpoint, forcePathStyle: true, credentials: CREDENTIALS });
  app = await startAppInstance(databaseUrl, {
    MEDIA_STORAGE: "s3",
    S3_ENDPOINT: endpoint,
    S3_BUCKET: BUCKET,
    S3_REGION: "us-east-1",
    S3_ACCESS_KEY_ID: CREDENTIALS.accessKeyId,
    S3_SECRET_ACCESS_KEY: CREDENTIALS.secretAccessKey,
    S3_FORCE_PATH_STYLE: "1",
  });
});

afterAll(async () => {
  await app?.stop();
  await s3server?.close();
  bucket?.destroy();
  await rm(s3Folder, { recursive: true, force: true });
});

describe("media in an S3-compatible bucket", () => {
  it("an upload through the API lands in the bucket and its /media URL serves the same bytes", async () => {
    const reporter = await signInOverHttp(app.baseUrl, DEMO_STAFF.reporter.email, password);
    const form = new FormData();
    // A size no other test uses: uploads are stored by content, and the shared e2e database would
    // hand another test this row if the bytes were the same as its photo.
    form.set("file", new File([new Uint8Array(await plainJpeg(1234, 777))], "s3-test.jpg"));
    form.set("alt", "버킷 시험 사진");
    const uploaded = await reporter.upload("/api/v1/media", form);
    const text = await uploaded.text();
    expect(uploaded.status, text).toBe(201);
    const { media } = JSON.parse(text) as { media: { url: string; variants: { webp: string }[] } };
    const keyOf = (url: string) => url.replace(/^\/media\//, "");
    expect(media.url).toMatch(/^\/media\/m\//);

    const stored = await bucket.send(new GetObjectCommand({ Bucket: BUCKET, Key: keyOf(media.url) }));
    const inBucket = Buffer.from(await stored.Body!.transformToByteArray());
    expect(stored.ContentType).toBe("image/jpeg");
    expect(stored.CacheControl).toBe("public, max-age=31536000, immutable");

    const served = await fetch(`${app.baseUrl}${media.url}`);
    expect(served.status).toBe(200);
    expect(served.headers.get("content-type")).toBe("image/jpeg");
    expect(served.headers.get("cache-control")).toBe("public, max-age=31536000, immutable");
    expect(Buffer.from(await served.arrayBuffer()).equals(inBucket)).toBe(true);

    // Every responsive copy went to the bucket, the WebP ones with their own type.
    expect(media.variants.length).toBeGreaterThan(0);
    for (const variant of media.variants) {
      expect((await bucket.send(new HeadObjectCommand({ Bucket: BUCKET, Key: keyOf(variant.webp) }))).ContentType).toBe("image/webp");
    }
  });

  it("a key that is not in the bucket is a 404", async () => {
    const missing = await fetch(`${app.baseUrl}/media/m/00/${"0".repeat(32)}.jpg`);
    expect(missing.status).toBe(404);
    expect((await fetch(`${app.baseUrl}/media/m/..%2f..%2fetc/passwd.jpg`)).status).toBe(404);
  });
});
