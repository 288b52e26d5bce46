// A destination's receiving end for the portal transmission tests, on loopback: it verifies each
// push's signature with the destination's secret, keeps what it got, and can be told to fail the
// next requests (a status, a time-out, a dropped connection after reading the request). Like a
// careful receiver it takes each idempotency key once and answers 409 to a repeat, so "arrived
// once" is what it accepted, and `requests` is everything that reached it.
import { createServer, type IncomingMessage, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { verifySignature } from "@/lib/portal/push-signature";

interface ReceivedPush {
  key: string;
  action: string;
  signatureValid: boolean;
  body: Record<string, unknown>;
  raw: string;
}

type Fault = { kind: "status"; status: number } | { kind: "hang" } | { kind: "drop-after-accepting" };

export interface PortalReceiver {
  url: string;
  /** Every request that reached it, accepted or not. */
  requests: ReceivedPush[];
  /** What it accepted, in order: each idempotency key once. */
  accepted: ReceivedPush[];
  /** IndexNow pings (requests to /indexnow). */
  pings: Record<string, unknown>[];
  /** The next requests for the story `uri` meet these faults, in order (other stories' requests are not touched). */
  failNext(uri: string, ...faults: Fault[]): void;
  /** Every request fails with this status until cleared (null). */
  failAlways(status: number | null): void;
  close(): Promise<void>;
}

function readBody(req: IncomingMessage): Promise<string> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    req.on("data", (chunk: Buffer) => chunks.push(chunk));
    req.on("end", () => resolve(Buffer.concat(chunks).toString("utf8")));
    req.on("error", reject);
  });
}

export async function startPortalReceiver(secret: () => string): Promise<PortalReceiver> {
  const requests: ReceivedPush[] = [];
  const accepted: ReceivedPush[] = [];
  const pings: Record<string, unknown>[] = [];
  const faults = new Map<string, Fault[]>();
  let always: number | null = null;
  const seen = new Set<string>();
  const hanging: (() => void)[] = [];

  const server: Server = createServer(async (req, res) => {
    const raw = await readBody(req);
    if (req.url === "/indexnow") {
      pings.push(JSON.parse(raw) as Record<string, unknown>);
      res.writeHead(200).end();
      return;
    }
    const received: ReceivedPush = {
      key: String(req.headers["idempotency-key"] ?? ""),
      action: String(req.headers["x-newsroom-action"] ?? ""),
      signatureValid: verifySignature(secret(), raw, req.headers["x-newsroom-signature"] as string | undefined, new Date()),
      body: JSON.parse(raw) as Record<string, unknown>,
      raw,
    };
    requests.push(received);
    const fault = faults.get(String(received.body.uri))?.shift();
    if (fault?.kind === "hang") {
      hanging.push(() => res.destroy());
      return;
    }
    if (fault?.kind === "status") return void res.writeHead(fault.status, { "content-type": "text/plain" }).end("시험용 실패");
    if (always !== null) return void res.writeHead(always, { "content-type": "text/plain" }).end("계속 실패");
    if (!received.signatureValid) return void res.writeHead(401).end("bad signature");
    if (seen.has(received.key)) return void res.writeHead(409).end("already have it");
    seen.add(received.key);
    accepted.push(received);
    // Took it, then the connection broke before the answer got back (a crash or a network cut).
    if (fault?.kind === "drop-after-accepting") return void res.destroy();
    res.writeHead(201, { "content-type": "application/json" }).end("{}");
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    requests,
    accepted,
    pings,
    failNext: (uri, ...next) => faults.set(uri, [...(faults.get(uri) ?? []), ...next]),
    failAlways: (status) => (always = status),
    close: async () => {
      for (const cut of hanging) cut();
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}
