// Whether an object is garbage once nothing should hold it: for the tests that check a
// long-lived structure (a memo, a pool connection) does not keep a finished request alive.
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
