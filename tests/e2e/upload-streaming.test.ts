// Uploads stream (lib/media/upload-stream.ts): against the running app, a body with no declared
// length (chunked) that passes the 20 MB limit is refused while it is still being sent, with the
// Korean message and no temporary file left; a chunked upload within the limit is stored; and a
// 19 MB body does not raise the app's memory by its size.
import http from "node:http";
import { readdir } from "node:fs/promises";
import { tmpdir } from "node:os";
import { describe, expect, inject, it } from "vitest";
import { MAX_UPLOAD_BYTES, UPLOAD_TOO_LARGE_MESSAGE } from "@/lib/media/image-pipeline";
import { DEMO_STAFF } from "@/lib/seed/demo-newsroom";
import { signInOverHttp, type ApiSession } from "../support/http-session";
import { plainJpeg } from "../support/image-fixtures";
import { processTreeRssMb } from "../support/process-memory";

const baseUrl = inject("appBaseUrl");
const appPid = inject("appPid");
const password = inject("demoPassword");
const BOUNDARY = "----newsroom-upload-stream-test";
const CHUNK = Buffer.alloc(256 * 1024, 0xab);

interface StreamedUpload {
  status: number;
  body: string;
  /** File bytes written to the socket when the answer arrived. */
  sentWhenAnswered: number;
  /** Peak resident memory of the app while the body was being sent, in MB. */
  peakRssMb: number;
}

/**
 * Sends a multipart upload whose file part is `fileBytes` long, chunked (no Content-Length), in
 * 256 KB writes that wait for the socket; stops sending as soon as the answer arrives.
 */
function streamUpload(session: ApiSession, fileBytes: number, head?: Buffer): Promise<StreamedUpload> {
  return new Promise((resolve, reject) => {
    let sent = 0;
    let answered = false;
    let peakRssMb = 0;
    const request = http.request(`${baseUrl}/api/v1/media`, {
      method: "POST",
      headers: { cookie: session.cookie, origin: baseUrl, "content-type": `multipart/form-data; boundary=${BOUNDARY}`, "transfer-encoding": "chunked" },
    });
    request.on("error", (error) => (answered ? undefined : reject(error)));
    request.on("response", (response) => {
      answered = true;
      const sentWhenAnswered = sent;
      const parts: Buffer[] = [];
      response.on("data", (part: Buffer) => parts.push(part));
      response.on("end", () => {
        request.destroy();
        resolve({ status: response.statusCode ?? 0, body: Buffer.concat(parts).toString("utf8"), sentWhenAnswered, peakRssMb });
      });
    });
    const write = (chunk: Buffer) => new Promise<void>((done) => (request.write(chunk) ? done() : request.once("drain", done)));
    void (async () => {
      await write(Buffer.from(`--${BOUNDARY}\r\ncontent-disposition: form-data; name="file"; filename="big.jpg"\r\ncontent-type: image/jpeg\r\n\r\n`));
      if (head) {
        await write(head);
        sent += head.length;
      }
      for (let i = 0; sent < fileBytes && !answered; i += 1) {
        const piece = CHUNK.subarray(0, Math.min(CHUNK.length, fileBytes - sent));
        await write(piece);
        sent += piece.length;
        if (i % 8 === 0) peakRssMb = Math.max(peakRssMb, await processTreeRssMb(appPid));
      }
      if (!answered) request.end(`\r\n--${BOUNDARY}--\r\n`);
    })().catch(reject);
  });
}

async function uploadFolders(): Promise<Set<string>> {
  return new Set((await readdir(tmpdir())).filter((name) => name.startsWith("newsroom-upload-")));
}

/** Upload folders made since `before` that are still there after a while (none expected; a loaded machine cleans up late). */
async function leftSince(before: Set<string>): Promise<string[]> {
  const deadline = Date.now() + 20_000;
  for (;;) {
    const left = [...(await uploadFolders())].filter((name) => !before.has(name));
    if (left.length === 0 || Date.now() > deadline) return left;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

describe("uploads stream", () => {
  it("a chunked body past 20 MB is refused while it is still being sent: Korean message, nothing left on disk", async () => {
    const reporter = await signInOverHttp(baseUrl, DEMO_STAFF.reporter.email, password);
    const folders = await uploadFolders();
    const total = 200 * 1024 * 1024;
    const answer = await streamUpload(reporter, total);
    console.log(`refused after ${(answer.sentWhenAnswered / 1024 / 1024).toFixed(1)} MB of ${total / 1024 / 1024} MB sent`);
    // Whichever limit sees it first: the upload parser's 20 MB for the file (400) or the HTTP
    // server's 21 MB for the raw body (server/request-refusals.ts, 413); both in Korean.
    expect([400, 413]).toContain(answer.status);
    const { error } = JSON.parse(answer.body) as { error: { message: string } };
    expect(error.message === UPLOAD_TOO_LARGE_MESSAGE || error.message.includes("20MB")).toBe(true);
    // Answered right after the limit, not after the 200 MB: the server never waited for the whole body.
    expect(answer.sentWhenAnswered).toBeGreaterThan(MAX_UPLOAD_BYTES);
    expect(answer.sentWhenAnswered).toBeLessThan(MAX_UPLOAD_BYTES + 16 * 1024 * 1024);
    expect(await leftSince(folders)).toEqual([]);
  }, 120_000);

  it("a 19 MB body does not raise the app's memory by its size; the refusal (not an image) leaves nothing behind", async () => {
    const reporter = await signInOverHttp(baseUrl, DEMO_STAFF.reporter.email, password);
    const folders = await uploadFolders();
    const before = await processTreeRssMb(appPid);
    const answer = await streamUpload(reporter, 19 * 1024 * 1024);
    console.log(`app RSS ${before} MB before a 19 MB upload, ${answer.peakRssMb} MB at most while it was sent`);
    expect(answer.status).toBe(400);
    expect(JSON.parse(answer.body).error.message).toContain("JPEG");
    // Held in memory, the body alone would add 19 MB (and its copies more).
    expect(answer.peakRssMb - before, `rss before ${before} MB, peak ${answer.peakRssMb} MB`).toBeLessThan(19);
    expect(await leftSince(folders)).toEqual([]);
  }, 120_000);

  it("a chunked upload within the limit is stored, and its temporary file removed", async () => {
    const reporter = await signInOverHttp(baseUrl, DEMO_STAFF.reporter.email, password);
    const folders = await uploadFolders();
    // A size no other test uses: uploads are stored by content.
    const photo = await plainJpeg(1321, 707);
    const answer = await streamUpload(reporter, photo.length, photo);
    expect(answer.status, answer.body).toBe(201);
    expect(JSON.parse(answer.body).media.width).toBe(1321);
    expect(await leftSince(folders)).toEqual([]);
  }, 60_000);
});
