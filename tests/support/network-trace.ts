// The DevTools protocol's view of a page's requests, with times: what Chromium itself says it
// sent, received, finished, failed or served from its cache (Playwright's own network events
// and its "networkidle" are built on these).
import type { Page } from "playwright-core";

export interface TraceLine {
  atMs: number;
  event: string;
  requestId: string;
  detail: string;
}

export interface NetworkTrace {
  lines: TraceLine[];
  /** Requests seen starting with no finish or failure yet: id -> url. */
  open(): Map<string, string>;
  text(filter?: (line: TraceLine) => boolean): string;
}

const EVENTS = [
  "Network.requestWillBeSent",
  "Network.requestWillBeSentExtraInfo",
  "Network.responseReceived",
  "Network.responseReceivedExtraInfo",
  "Network.loadingFinished",
  "Network.loadingFailed",
  "Network.requestServedFromCache",
  "Network.dataReceived",
] as const;

export async function traceNetwork(page: Page): Promise<NetworkTrace> {
  const started = performance.now();
  const lines: TraceLine[] = [];
  const urls = new Map<string, string>();
  const done = new Set<string>();
  const session = await page.context().newCDPSession(page);
  await session.send("Network.enable");
  for (const name of EVENTS) {
    session.on(name, (params: Record<string, unknown>) => {
      const requestId = String(params.requestId);
      let detail = "";
      const request = params.request as { url: string; method: string; headers: Record<string, string> } | undefined;
      const response = params.response as { url: string; status: number; headers: Record<string, string>; fromDiskCache?: boolean; fromServiceWorker?: boolean; fromPrefetchCache?: boolean } | undefined;
      if (name === "Network.requestWillBeSent" && request) {
        urls.set(requestId, request.url);
        detail = `${request.method} ${request.url} ${JSON.stringify(request.headers)} type=${String(params.type)}`;
      } else if (name === "Network.responseReceived" && response) {
        detail = `${response.status} ${response.url} disk=${response.fromDiskCache} sw=${response.fromServiceWorker} ${JSON.stringify(response.headers)}`;
      } else if (name === "Network.responseReceivedExtraInfo") {
        detail = `${String(params.statusCode)} ${JSON.stringify(params.headersText ?? params.headers)}`;
      } else if (name === "Network.requestWillBeSentExtraInfo") {
        detail = JSON.stringify(params.headers);
      } else if (name === "Network.loadingFailed") {
        done.add(requestId);
        detail = `${String(params.errorText)} canceled=${String(params.canceled)}`;
      } else if (name === "Network.loadingFinished") {
        done.add(requestId);
        detail = `encodedDataLength=${String(params.encodedDataLength)}`;
      } else if (name === "Network.dataReceived") {
        detail = `dataLength=${String(params.dataLength)}`;
      }
      lines.push({ atMs: Math.round(performance.now() - started), event: name.replace("Network.", ""), requestId, detail });
    });
  }
  return {
    lines,
    open: () => new Map([...urls].filter(([id]) => !done.has(id))),
    text: (filter = () => true) =>
      lines
        .filter(filter)
        .map((line) => `${line.atMs} ms ${line.event} [${line.requestId}] ${line.detail}`)
        .join("\n"),
  };
}
