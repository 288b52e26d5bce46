// A page's way to answer with a status App Router pages cannot set themselves: 410 Gone for a
// withdrawn story, 451 for one blocked by a 임시조치, and 404 for a reader page that renders its own not-found notice (notFound()
// answers 404 with Next.js's empty error shell on a page rendered per request: see
// components/site/not-found-page.tsx). The HTTP server (server/http-server.ts)
// runs every request inside a request scope and rewrites a 200 into the status the page asked
// for when the headers go out; the page asks during its render, which completes before the
// first byte is sent (reader pages stream nothing before their content: no loading.tsx, no
// Suspense around the page, blocking metadata).
//
// (No "server-only" marker: the HTTP server runs outside Next.js. The scope lives on globalThis
// because the page's bundled copy of this module and the server's copy must share it.)
import { AsyncLocalStorage } from "node:async_hooks";
import type { ServerResponse } from "node:http";

interface ResponseScope {
  status?: number;
}

const SCOPE_KEY = Symbol.for("newsroom.responseScope");

function scopes(): AsyncLocalStorage<ResponseScope> {
  const holder = globalThis as { [SCOPE_KEY]?: AsyncLocalStorage<ResponseScope> };
  return (holder[SCOPE_KEY] ??= new AsyncLocalStorage<ResponseScope>());
}

/**
 * Called by a page while it renders: answer with `status` instead of 200. False when no scope
 * will apply it (Next.js started some other way than through our server), so the caller can
 * fall back to something that still carries the status.
 */
export function answerWithStatus(status: 404 | 410 | 451): boolean {
  const scope = scopes().getStore();
  if (scope) scope.status = status;
  return scope !== undefined;
}

/** Runs `handle` in a fresh scope; a status a page asks for replaces the 200 it would send. */
export function withResponseStatusScope<T>(res: ServerResponse, handle: () => T): T {
  const scope: ResponseScope = {};
  const writeHead = res.writeHead.bind(res) as (statusCode: number, ...rest: unknown[]) => ServerResponse;
  // Node sends implicit headers through writeHead(this.statusCode) too, so this sees every response.
  res.writeHead = ((statusCode: number, ...rest: unknown[]) => writeHead(scope.status && statusCode === 200 ? scope.status : statusCode, ...rest)) as ServerResponse["writeHead"];
  return scopes().run(scope, handle);
}
