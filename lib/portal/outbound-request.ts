// Not marked server-only: the job runner in server/ runs it, outside Next.js's bundle.
// One POST to a destination, with the address rules of address-policy.ts applied to what the
// name resolves to at connection time (the connection uses exactly the addresses checked), a
// time limit for the whole exchange, and at most a few KB of the answer kept for the desk.
import { lookup as dnsLookup, type LookupAddress } from "node:dns";
import { request as httpRequest, type RequestOptions } from "node:http";
import { request as httpsRequest } from "node:https";
import type { LookupFunction } from "node:net";
import { isIP } from "node:net";
import { isPrivateAddress } from "@/lib/portal/address-policy";

export interface OutboundAnswer {
  status: number;
  /** The start of the body, for the log. */
  body: string;
}

/** A request that got no HTTP answer (refused address, network error, time limit). */
export class OutboundFailure extends Error {
  override name = "OutboundFailure";
}

const PRIVATE_REFUSED = "내부망·사설 주소로 연결되는 주소라 보내지 않았습니다 (PORTAL_ALLOW_PRIVATE_ADDRESSES).";
const KEPT_ANSWER_BYTES = 2_000;

/** A DNS lookup that refuses names resolving to private addresses. */
function guardedLookup(allowPrivate: boolean): LookupFunction {
  return (hostname, options, callback) => {
    dnsLookup(hostname, { ...options, all: true }, (error, addresses: LookupAddress[]) => {
      if (error) return callback(error, "", 0);
      const refused = !allowPrivate && addresses.some((entry) => isPrivateAddress(entry.address));
      if (refused || addresses.length === 0) return callback(new OutboundFailure(PRIVATE_REFUSED), "", 0);
      if ((options as { all?: boolean }).all) return (callback as unknown as (error: null, list: LookupAddress[]) => void)(null, addresses);
      const first = addresses[0]!;
      callback(null, first.address, first.family);
    });
  };
}

export async function postToDestination(
  endpoint: string,
  body: string | Buffer,
  headers: Record<string, string>,
  options: { timeoutMs: number; allowPrivate: boolean },
): Promise<OutboundAnswer> {
  const url = new URL(endpoint);
  const host = url.hostname.replace(/^\[|\]$/g, "");
  // An address written as an IP is connected to without a lookup: checked here instead.
  if (isIP(host) !== 0 && !options.allowPrivate && isPrivateAddress(host)) throw new OutboundFailure(PRIVATE_REFUSED);
  const send = url.protocol === "https:" ? httpsRequest : httpRequest;
  const requestOptions: RequestOptions = {
    method: "POST",
    headers: { ...headers, "content-length": String(Buffer.byteLength(body)) },
    lookup: guardedLookup(options.allowPrivate),
    timeout: options.timeoutMs,
  };
  return new Promise<OutboundAnswer>((resolve, reject) => {
    const tooSlow = () => new OutboundFailure(`${Math.round(options.timeoutMs / 100) / 10}초 안에 응답이 없었습니다.`);
    // The whole exchange is timed, not only a silent socket: a receiver trickling bytes is cut off too.
    const sent: { request?: ReturnType<typeof send> } = {};
    const deadline = setTimeout(() => sent.request?.destroy(tooSlow()), options.timeoutMs);
    const fail = (error: Error) => {
      clearTimeout(deadline);
      reject(error instanceof OutboundFailure ? error : new OutboundFailure(`연결하지 못했습니다: ${error.message}`));
    };
    try {
      sent.request = send(url, requestOptions, (response) => {
        const chunks: Buffer[] = [];
        let kept = 0;
        response.on("data", (chunk: Buffer) => {
          if (kept < KEPT_ANSWER_BYTES) {
            chunks.push(chunk);
            kept += chunk.length;
          }
        });
        response.on("end", () => {
          clearTimeout(deadline);
          resolve({ status: response.statusCode ?? 0, body: Buffer.concat(chunks).toString("utf8").slice(0, KEPT_ANSWER_BYTES) });
        });
        response.on("error", fail);
      });
    } catch (error) {
      return fail(error instanceof Error ? error : new Error(String(error)));
    }
    const request = sent.request;
    request.on("timeout", () => request.destroy(tooSlow()));
    request.on("error", fail);
    request.end(body);
  });
}
