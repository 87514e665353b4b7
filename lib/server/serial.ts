// One task at a time, in the order asked. When idle, the queue holds nothing: Node tags every
// promise with the async context it was made in (Next keeps the request's render there), so a
// settled promise kept as the queue's tail would keep the last caller's request alive.

/** A queue: `run(task)` starts `task` once every task asked before it has settled. A task's failure is its caller's alone. */
export function serialQueue(): <T>(task: () => Promise<T>) => Promise<T> {
  let tail: Promise<unknown> | null = null;
  return (task) => {
    const turn = (tail ?? Promise.resolve()).then(task);
    const link: Promise<unknown> = turn.then(
      () => undefined,
      () => undefined,
    );
    tail = link;
    void link.then(() => {
      if (tail === link) tail = null;
    });
    return turn;
  };
}
