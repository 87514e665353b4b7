// Whether an object can be garbage-collected: for tests that a long-lived structure does not keep
// what it was given. Node's gc() is exposed for the purpose (--expose-gc, set at run time).
import { AsyncLocalStorage } from "node:async_hooks";
import v8 from "node:v8";
import vm from "node:vm";

v8.setFlagsFromString("--expose-gc");
const gc = vm.runInNewContext("gc") as () => void;

/**
 * Runs `work` inside an async context whose store is a fresh object (as Next keeps a request's
 * render), then tells whether that store could be collected once `work` has settled.
 */
export async function contextCollectedAfter(work: () => Promise<unknown>): Promise<boolean> {
  const storage = new AsyncLocalStorage<object>();
  let ref: WeakRef<object> | undefined;
  // The store lives only inside this function, so nothing here keeps it once `work` has settled.
  await (() => {
    const store = { render: new Array(1000).fill("request") };
    ref = new WeakRef(store);
    return storage.run(store, work);
  })();
  // A WeakRef keeps its target until the job that made it ends; collect after that.
  for (let i = 0; i < 3; i++) {
    await new Promise((resolve) => setTimeout(resolve, 0));
    gc();
  }
  return ref!.deref() === undefined;
}
