// Chromium's own account of a page's requests, from the DevTools protocol (what Playwright's
// "networkidle" is built on): which ones started and never ended, and which answers came from the
// browser's HTTP cache. Tells a test that waits for network idle which request it waits for.
import type { Page } from "playwright-core";

interface TracedRequest {
  url: string;
  /** Fetch, Document, Image ... and Other for requests no page code made (a cache revalidation). */
  type: string;
  status?: number;
  /** Answered from the HTTP cache without asking the server. */
  fromDiskCache?: boolean;
  ended: boolean;
}

export interface NetworkTrace {
  requests: Map<string, TracedRequest>;
  /** Requests started and not finished or failed, as "type url" lines. */
  unfinished(): string[];
}

interface RequestEvent {
  requestId: string;
  type?: string;
  request: { url: string };
}
interface ResponseEvent {
  requestId: string;
  response: { status: number; fromDiskCache?: boolean };
}

export async function traceNetwork(page: Page): Promise<NetworkTrace> {
  const requests = new Map<string, TracedRequest>();
  const session = await page.context().newCDPSession(page);
  session.on("Network.requestWillBeSent", (event: RequestEvent) => {
    requests.set(event.requestId, { url: event.request.url, type: event.type ?? "", ended: false });
  });
  session.on("Network.responseReceived", (event: ResponseEvent) => {
    const request = requests.get(event.requestId);
    if (request) Object.assign(request, { status: event.response.status, fromDiskCache: event.response.fromDiskCache === true });
  });
  const end = (event: { requestId: string }) => {
    const request = requests.get(event.requestId);
    if (request) request.ended = true;
  };
  session.on("Network.loadingFinished", end);
  session.on("Network.loadingFailed", end);
  await session.send("Network.enable");
  return {
    requests,
    unfinished: () => [...requests.values()].filter((request) => !request.ended).map((request) => `${request.type} ${request.url}`),
  };
}
