// Resources that outlive the request they are made in (a database connection the pool opens on
// demand, a timer the first page view starts) must not be made in that request's async context.
// Node gives every async resource (socket, timer, promise) the AsyncLocalStorage stores active
// where it was created and keeps them as long as it lives: a pool connection opened during a
// render kept that request's Next.js store alive (the rendered page, and through its abort
// reasons' stack frames, a chain of other requests: heap snapshot of the bench app).
// The server captures the context it starts in, holding no request's stores; such resources are
// made in it. Kept on globalThis: Next.js's bundle has its own copy of this module.
import { AsyncLocalStorage } from "node:async_hooks";

const ROOT_KEY = Symbol.for("newsroom.root-context");
const holder = globalThis as typeof globalThis & { [ROOT_KEY]?: <T>(work: () => T) => T };

/** Called once when the server starts, before any request: remembers the context to go back to. */
export function captureRootContext(): void {
  holder[ROOT_KEY] ??= AsyncLocalStorage.snapshot();
}

/** Runs `work` in the server's start-up context (or as it is, outside the server). */
export function outsideAnyRequest<T>(work: () => T): T {
  const runInRoot = holder[ROOT_KEY];
  return runInRoot ? runInRoot(work) : work();
}
