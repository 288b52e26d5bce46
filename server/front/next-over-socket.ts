// The front process's way to the Next.js process behind it, over its Unix socket: a miss rendered
// for the cache (the whole page and its tags, in memory), and every other request handed on as a
// stream (bodies of POSTs and uploads in, streamed pages out). Keep-alive connections are reused.
import { Agent, request, type IncomingHttpHeaders, type IncomingMessage, type ServerResponse } from "node:http";
import { decodeRenderTags, INTERNAL_HEADERS, RENDER_FOR_CACHE_HEADER, RENDER_TAGS_HEADER } from "@/server/front/front-protocol";
import type { Render } from "@/server/response-cache/response-cache";

// Hop-by-hop headers (RFC 9110 7.6.1) are this connection's, not the next one's; and the internal
// ones are only ever the front's to send or read.
const NOT_FORWARDED = new Set(["connection", "keep-alive", "proxy-connection", "transfer-encoding", "upgrade", "te", "trailer", ...INTERNAL_HEADERS]);

function forwardable(headers: IncomingHttpHeaders): IncomingHttpHeaders {
  const named = new Set(String(headers.connection ?? "").toLowerCase().split(",").map((name) => name.trim()));
  const kept: IncomingHttpHeaders = {};
  for (const [name, value] of Object.entries(headers)) if (value !== undefined && !NOT_FORWARDED.has(name) && !named.has(name)) kept[name] = value;
  return kept;
}

const BACK_UNREACHABLE = JSON.stringify({ error: { code: "UNAVAILABLE", message: "잠시 후 다시 시도해 주세요. 서버가 요청을 처리하지 못했습니다." } });

export interface NextOverSocket {
  render: Render;
  passOn(req: IncomingMessage, res: ServerResponse): void;
  close(): void;
}

export function nextOverSocket(socketPath: string): NextOverSocket {
  const agent = new Agent({ keepAlive: true });
  return {
    render: (renderRequest) =>
      new Promise((resolve, reject) => {
        const headers = { ...forwardable(renderRequest.headers), [RENDER_FOR_CACHE_HEADER]: "1" };
        const asked = request({ socketPath, agent, method: "GET", path: renderRequest.url, headers }, (answer) => {
          const chunks: Buffer[] = [];
          answer.on("data", (chunk: Buffer) => chunks.push(chunk));
          answer.on("error", reject);
          answer.on("end", () => {
            const { [RENDER_TAGS_HEADER]: tags, ...rendered } = forwardableAnswer(answer.headers);
            resolve({ status: answer.statusCode ?? 502, headers: rendered, body: Buffer.concat(chunks), tags: decodeRenderTags(tags) });
          });
        });
        asked.on("error", reject);
        asked.end();
      }),
    passOn: (req, res) => {
      const handedOn = request({ socketPath, agent, method: req.method, path: req.url, headers: forwardable(req.headers) }, (answer) => {
        // The front answered first (a body over its limit: server/request-refusals.ts refuses it
        // while it streams); what Next.js says after that has no one to go to.
        if (res.headersSent) {
          answer.resume();
          handedOn.destroy();
          return;
        }
        const { [RENDER_TAGS_HEADER]: _never, ...answered } = forwardableAnswer(answer.headers);
        res.writeHead(answer.statusCode ?? 502, answer.statusMessage, answered);
        answer.pipe(res);
      });
      handedOn.on("error", () => {
        if (!res.headersSent) {
          res.writeHead(502, { "content-type": "application/json; charset=utf-8", "cache-control": "no-store" });
          res.end(BACK_UNREACHABLE);
        } else if (!res.writableFinished) res.destroy();
      });
      // Answered before the whole body was read (Next.js refused it early: a form of the wrong
      // kind, a body over a route's limit): the rest of the body is read and dropped, as Node does
      // for a request it answers itself, or the reader's next request on this connection would
      // never be read (the connection was cut after the keep-alive timeout); and the connection to
      // Next.js, left in the middle of a body, is closed rather than reused.
      res.once("finish", () => {
        if (req.complete) return;
        req.unpipe(handedOn);
        req.resume();
        handedOn.destroy();
      });
      // A reader who leaves stops the work behind: the render's connection is closed too.
      res.once("close", () => {
        if (!res.writableFinished) handedOn.destroy();
      });
      req.pipe(handedOn);
    },
    close: () => agent.destroy(),
  };
}

/** An answer's headers as the reader may get them (the render-tags header is taken out by the callers). */
function forwardableAnswer(headers: IncomingHttpHeaders): Record<string, string | string[]> {
  const kept: Record<string, string | string[]> = {};
  for (const [name, value] of Object.entries(headers)) if (value !== undefined && !(NOT_FORWARDED.has(name) && name !== RENDER_TAGS_HEADER)) kept[name] = value;
  return kept;
}
