// Whether an object is garbage once nothing should hold it: for the tests that check a
// long-lived structure (a memo, a pool connection) does not keep a finished request alive.
import { AsyncLocalStorage } from "node:async_hooks";
import { setFlagsFromString } from "node:v8";
import { runInNewContext } from "node:vm";

setFlagsFromString("--expose-gc");
const collectGarbage = runInNewContext("gc") as () => void;

/**
 * Collects garbage a few times (each after the current job ends, when a WeakRef no longer keeps
 * its target) and says whether `ref`'s target is gone.
 */
export async function isCollected(ref: WeakRef<object>, attempts = 10): Promise<boolean> {
  for (let i = 0; i < attempts && ref.deref(); i += 1) {
    await new Promise((resolve) => setTimeout(resolve, 20));
    collectGarbage();
  }
  return ref.deref() === undefined;
}

/**
 * Runs `work` inside a request-like async context holding a large object, and returns its result
 * with a WeakRef to that object: nothing the work left behind should keep it alive afterwards.
 */
export async function inThrowawayContext<T>(work: () => Promise<T>): Promise<{ result: T; context: WeakRef<object> }> {
  const storage = new AsyncLocalStorage<{ page: string }>();
  const store = { page: "x".repeat(1_000_000) };
  const result = await storage.run(store, work);
  return { result, context: new WeakRef(store) };
}
