import "server-only";
// A multipart upload received without holding it in memory: the request body is parsed as it
// arrives (busboy) and the file part goes straight to a temporary file, with the size limit
// counted on the way. The moment the file passes the limit, reading stops, the partial file is
// removed and the caller gets a Korean refusal: a 2 GB body costs the server no more than a
// small one, and nothing half-written stays behind.
import busboy from "busboy";
import { createWriteStream } from "node:fs";
import { mkdtemp, rm, stat } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { Readable } from "node:stream";
import { pipeline } from "node:stream/promises";
import type { ReadableStream as NodeWebReadableStream } from "node:stream/web";
import { invalid, type DomainError } from "@/lib/errors";
import { mediaStorageUnavailable } from "@/lib/media/storage-errors";

const NOT_MULTIPART_MESSAGE = "사진은 multipart/form-data의 file 필드로 보내세요.";
const MALFORMED_MESSAGE = "올린 양식을 끝까지 읽지 못했습니다. 다시 올려 주세요.";
/** Text fields beside a file are short (alt text, caption, credit). */
const MAX_FIELD_BYTES = 16 * 1024;
const MAX_FIELDS = 10;

interface ReceivedFile {
  /** The temporary file holding the upload's bytes. */
  path: string;
  size: number;
}

export interface ReceivedUpload {
  /** The file part named `fileField`, when there was one (an empty one counts: size 0). */
  file?: ReceivedFile;
  /** The text fields, by name (the last one wins when a name repeats). */
  fields: Record<string, string>;
  /** Removes the temporary file; call it once the file has been used (or not). */
  discard(): Promise<void>;
}

export interface UploadLimits {
  fileField: string;
  maxFileBytes: number;
  tooLargeMessage: string;
}

/**
 * Reads `request`'s multipart body: the file part to a temporary file, the text fields into
 * memory (bounded). Throws a VALIDATION DomainError for a body that is not multipart, malformed,
 * or whose file passes `maxFileBytes`, with no temporary file left.
 */
export async function receiveMultipartUpload(request: Request, limits: UploadLimits): Promise<ReceivedUpload> {
  const contentType = request.headers.get("content-type") ?? "";
  if (!request.body || !contentType.toLowerCase().startsWith("multipart/form-data")) throw invalid(NOT_MULTIPART_MESSAGE);
  let parser: busboy.Busboy;
  try {
    parser = busboy({
      headers: { "content-type": contentType },
      limits: { files: 1, fileSize: limits.maxFileBytes, fields: MAX_FIELDS, fieldSize: MAX_FIELD_BYTES, parts: MAX_FIELDS + 1 },
    });
  } catch {
    throw invalid(NOT_MULTIPART_MESSAGE); // no boundary in the content type
  }
  // A temporary folder that cannot be made or written (full or read-only disk) is the
  // newsroom's problem, not the upload's: the same Korean 503 as a media store that cannot write.
  const folder = await mkdtemp(path.join(tmpdir(), "newsroom-upload-")).catch((error: unknown) => {
    throw mediaStorageUnavailable(error);
  });
  const discard = () => rm(folder, { recursive: true, force: true });
  const source = Readable.fromWeb(request.body as NodeWebReadableStream<Uint8Array>);
  const fields: Record<string, string> = {};
  let file: ReceivedFile | undefined;
  let fileWritten: Promise<void> = Promise.resolve();
  let stopWriting = () => undefined as void;

  try {
    await new Promise<void>((resolve, reject) => {
      let failed = false;
      const fail = (error: DomainError) => {
        if (failed) return;
        failed = true;
        // Stop reading: the rest of the body is never asked for (the answer goes out at once; the
        // HTTP server closes a connection whose request was not read to its end).
        source.unpipe(parser);
        source.destroy();
        stopWriting(); // the parser gets no more bytes: end the file part's write here
        reject(error);
      };
      parser.on("file", (name, stream) => {
        if (name !== limits.fileField || file) {
          stream.resume(); // not ours: dropped as it streams past
          return;
        }
        const target = path.join(folder, "upload");
        file = { path: target, size: 0 };
        stream.on("limit", () => fail(invalid(limits.tooLargeMessage, { field: limits.fileField })));
        const out = createWriteStream(target);
        let writeError: unknown;
        out.on("error", (error) => (writeError = error));
        stopWriting = () => stream.destroy();
        fileWritten = pipeline(stream, out);
        fileWritten.catch(() => {
          if (failed) return; // ended by us (the limit, a broken form): not a disk fault
          fail(writeError ? mediaStorageUnavailable(writeError) : invalid(MALFORMED_MESSAGE));
        });
      });
      parser.on("field", (name, value, info) => {
        if (info.valueTruncated) return fail(invalid("사진과 함께 보낸 글이 너무 깁니다.", { field: name }));
        fields[name] = value;
      });
      for (const event of ["partsLimit", "filesLimit", "fieldsLimit"] as const) parser.on(event, () => fail(invalid("양식에 항목이 너무 많습니다.")));
      parser.on("error", () => fail(invalid(MALFORMED_MESSAGE)));
      source.on("error", () => fail(invalid(MALFORMED_MESSAGE)));
      parser.on("close", () => {
        if (!failed) resolve();
      });
      source.pipe(parser);
    });
    await fileWritten.catch((error: unknown) => {
      throw mediaStorageUnavailable(error); // the body was whole: the disk failed the write
    });
    if (file) file.size = (await stat(file.path)).size;
  } catch (error) {
    await fileWritten.catch(() => undefined);
    await discard();
    throw error;
  }
  return { file, fields, discard };
}
