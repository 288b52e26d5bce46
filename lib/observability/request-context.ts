// What belongs to the request being handled, wherever the code runs: its id (on every log line
// and in the x-request-id response header) and how many database queries it made. Shared across
// the code our HTTP server runs and the copy bundled into Next.js's server build.
import { AsyncLocalStorage } from "node:async_hooks";

export interface RequestContext {
  requestId: string;
  queryCount: number;
}

const STORE_KEY = Symbol.for("newsroom.request-context");
const holder = globalThis as typeof globalThis & { [STORE_KEY]?: AsyncLocalStorage<RequestContext> };
const storage = (holder[STORE_KEY] ??= new AsyncLocalStorage<RequestContext>());

export function runInRequestContext<T>(context: RequestContext, work: () => T): T {
  return storage.run(context, work);
}

export function currentRequestContext(): RequestContext | undefined {
  return storage.getStore();
}
