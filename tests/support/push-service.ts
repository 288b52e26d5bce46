// A push service's stand-in on loopback for the Web Push tests (headless Chromium has no push
// service to talk to). It plays both ends a real one connects: it hands out subscriptions the way
// a browser makes them (a fresh P-256 key pair and a 16-byte auth secret per subscription, kept
// here as the browser keeps them), and it receives the newsroom's pushes and checks them as a
// push service and the browser would:
// - the VAPID JWT (RFC 8292): ES256, signed by the key in `k`, `aud` the origin of the endpoint,
//   `exp` in the future and at most 24 hours ahead, `sub` a mailto: or https: contact;
// - the payload (RFC 8188 aes128gcm, keys per RFC 8291): decrypted with the subscription's
//   private key and auth secret, the padding delimiter checked.
// A push that fails a check is answered 401/400 and counted in `refused`; one it accepts is kept
// in `received` with its decrypted JSON. A subscription can be made to answer 410 or 404 (gone) or
// 503 (busy), as a real service does.
import { createDecipheriv, createECDH, createPublicKey, hkdfSync, randomBytes, verify } from "node:crypto";
import { createServer, type IncomingMessage, type Server } from "node:http";
import type { AddressInfo } from "node:net";

export interface BrowserSubscription {
  endpoint: string;
  keys: { p256dh: string; auth: string };
}

interface ReceivedPush {
  endpoint: string;
  at: Date;
  payload: Record<string, unknown>;
  headers: Record<string, string | string[] | undefined>;
  claims: { aud: string; exp: number; sub: string };
}

export interface PushService {
  origin: string;
  /** A new subscription, as a browser's pushManager.subscribe() would give it (toJSON()). */
  subscribe(): BrowserSubscription;
  received: ReceivedPush[];
  /** Pushes it refused, with why. */
  refused: { endpoint: string; reason: string }[];
  /** Every request that reached it. */
  requests: number;
  /** What this subscription's pushes are answered with from now on (201 by default). */
  answer(endpoint: string, status: number): void;
  close(): Promise<void>;
}

const b64 = (value: string) => Buffer.from(value, "base64url");

/** Verifies the JWT of `Authorization: vapid t=<jwt>, k=<key>`; returns its claims or why it is refused. */
function checkVapid(authorization: string | undefined, audience: string, now: number): { claims: ReceivedPush["claims"] } | { refusal: string } {
  const match = /^vapid t=([A-Za-z0-9_-]+\.[A-Za-z0-9_-]+\.[A-Za-z0-9_-]+), k=([A-Za-z0-9_-]+)$/.exec(authorization ?? "");
  if (!match) return { refusal: "no vapid authorization" };
  const [, jwt = "", k = ""] = match;
  const [header, body, signature] = jwt.split(".") as [string, string, string];
  const point = b64(k);
  if (point.length !== 65 || point[0] !== 4) return { refusal: "k is not an uncompressed P-256 point" };
  const key = createPublicKey({ key: { kty: "EC", crv: "P-256", x: point.subarray(1, 33).toString("base64url"), y: point.subarray(33).toString("base64url") }, format: "jwk" });
  const parsedHeader = JSON.parse(b64(header).toString("utf8")) as { alg?: string; typ?: string };
  if (parsedHeader.alg !== "ES256") return { refusal: `alg ${parsedHeader.alg}` };
  // JWS signs "<header>.<body>"; ES256's signature is r || s (64 bytes), not DER.
  if (!verify("sha256", Buffer.from(`${header}.${body}`), { key, dsaEncoding: "ieee-p1363" }, b64(signature))) return { refusal: "bad signature" };
  const claims = JSON.parse(b64(body).toString("utf8")) as { aud?: string; exp?: number; sub?: string };
  if (claims.aud !== audience) return { refusal: `aud ${claims.aud} is not ${audience}` };
  if (typeof claims.exp !== "number" || claims.exp <= now / 1000 || claims.exp > now / 1000 + 24 * 3600) return { refusal: `exp ${claims.exp}` };
  if (typeof claims.sub !== "string" || !/^(mailto:\S+@\S+|https:\/\/\S+)$/.test(claims.sub)) return { refusal: `sub ${claims.sub}` };
  return { claims: { aud: claims.aud, exp: claims.exp, sub: claims.sub } };
}

/** RFC 8291 section 3.4 and RFC 8188: one aes128gcm record, decrypted with the browser's keys. */
function decrypt(body: Buffer, browser: { ecdh: ReturnType<typeof createECDH>; auth: Buffer }): string {
  const salt = body.subarray(0, 16);
  const recordSize = body.readUInt32BE(16);
  const idLength = body[20]!;
  const serverPublic = body.subarray(21, 21 + idLength);
  const record = body.subarray(21 + idLength);
  if (idLength !== 65) throw new Error(`keyid is ${idLength} bytes, not a P-256 point`);
  if (record.length > recordSize) throw new Error("more than one record");
  const shared = browser.ecdh.computeSecret(serverPublic);
  const keyInfo = Buffer.concat([Buffer.from("WebPush: info\0"), browser.ecdh.getPublicKey(), serverPublic]);
  const ikm = Buffer.from(hkdfSync("sha256", shared, browser.auth, keyInfo, 32));
  const cek = Buffer.from(hkdfSync("sha256", ikm, salt, Buffer.from("Content-Encoding: aes128gcm\0"), 16));
  const nonce = Buffer.from(hkdfSync("sha256", ikm, salt, Buffer.from("Content-Encoding: nonce\0"), 12));
  const decipher = createDecipheriv("aes-128-gcm", cek, nonce);
  decipher.setAuthTag(record.subarray(record.length - 16));
  const plain = Buffer.concat([decipher.update(record.subarray(0, record.length - 16)), decipher.final()]);
  // The last record ends with the delimiter 0x02, then zero or more 0x00 of padding.
  let end = plain.length - 1;
  while (end >= 0 && plain[end] === 0) end--;
  if (plain[end] !== 2) throw new Error("no last-record padding delimiter");
  return plain.subarray(0, end).toString("utf8");
}

function readBody(req: IncomingMessage): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    req.on("data", (chunk: Buffer) => chunks.push(chunk));
    req.on("end", () => resolve(Buffer.concat(chunks)));
    req.on("error", reject);
  });
}

export async function startPushService(): Promise<PushService> {
  const browsers = new Map<string, { ecdh: ReturnType<typeof createECDH>; auth: Buffer }>();
  const answers = new Map<string, number>();
  const received: ReceivedPush[] = [];
  const refused: PushService["refused"] = [];
  let origin = "";
  const service = { requests: 0 };

  const server: Server = createServer(async (req, res) => {
    service.requests++;
    const body = await readBody(req);
    const endpoint = `${origin}${req.url ?? ""}`;
    const refuse = (status: number, reason: string) => {
      refused.push({ endpoint, reason });
      res.writeHead(status).end(reason);
    };
    const browser = browsers.get(endpoint);
    if (req.method !== "POST" || !browser) return refuse(404, "no such subscription");
    const answer = answers.get(endpoint);
    if (answer === 404 || answer === 410) return res.writeHead(answer).end();
    const vapid = checkVapid(req.headers.authorization, origin, Date.now());
    if ("refusal" in vapid) return refuse(401, vapid.refusal);
    if (req.headers["content-encoding"] !== "aes128gcm") return refuse(400, `content-encoding ${req.headers["content-encoding"]}`);
    if (!/^\d+$/.test(String(req.headers.ttl ?? ""))) return refuse(400, "no TTL");
    if (answer && answer >= 400) return res.writeHead(answer).end();
    let payload: Record<string, unknown>;
    try {
      payload = JSON.parse(decrypt(body, browser)) as Record<string, unknown>;
    } catch (error) {
      return refuse(400, `cannot decrypt: ${(error as Error).message}`);
    }
    received.push({ endpoint, at: new Date(), payload, headers: req.headers, claims: vapid.claims });
    res.writeHead(201).end();
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;

  return {
    origin,
    received,
    refused,
    get requests() {
      return service.requests;
    },
    subscribe() {
      const ecdh = createECDH("prime256v1");
      ecdh.generateKeys();
      const auth = randomBytes(16);
      const endpoint = `${origin}/push/${randomBytes(12).toString("base64url")}`;
      browsers.set(endpoint, { ecdh, auth });
      return { endpoint, keys: { p256dh: ecdh.getPublicKey().toString("base64url"), auth: auth.toString("base64url") } };
    },
    answer(endpoint, status) {
      answers.set(endpoint, status);
    },
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}
