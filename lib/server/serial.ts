// One task at a time, in the order asked. When idle, the queue holds nothing: Node tags every
// promise with the async context it was made in (Next keeps the request's render there), so a
// settled promise kept as the queue's tail would keep the last caller's request alive.

/** A queue: `run(task)` starts `task` once every task asked before it has settled. A task's failure is its caller's alone. */
export function serialQueue(): <T>(task: () => Promise<T>) => Promise<T> {
  let tail: Promise<void> | null = null;
  return (task) => {
    const turn = (tail ?? Promise.resolve()).then(task);
    // The tail settles either way, and lets go of itself if no task came after it.
    const link: Promise<void> = turn.then(
      () => undefined,
      () => undefined,
    ).then(() => {
      if (tail === link) tail = null;
    });
    tail = link;
    return turn;
  };
}
