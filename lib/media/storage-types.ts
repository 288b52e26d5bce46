// What every place uploaded bytes can live in offers (local disk in lib/media/storage.ts, a bucket
// in lib/media/s3-storage.ts): its own module, so the implementations and the code that chooses
// between them depend on it and not on each other.

/** A stored file opened for sending: its bytes as a stream, and its size when known. */
interface StoredFile {
  body: ReadableStream<Uint8Array>;
  size?: number;
}

export interface MediaStorage {
  /** Stores the bytes under `key`: all of them or, when it throws, none. */
  put(key: string, bytes: Buffer, contentType: string): Promise<void>;
  /** The bytes, or undefined when no such key exists. */
  get(key: string): Promise<Buffer | undefined>;
  /** The file as a stream (the media route sends it without holding it whole), or undefined. */
  open(key: string): Promise<StoredFile | undefined>;
  /** Where a browser may fetch the file directly (a public bucket or CDN), when there is such a place. */
  publicUrl?(key: string): string | undefined;
}
