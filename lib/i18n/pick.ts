// Picks parts of the message catalogue for the browser: whole namespaces ("validation") or
// parts of one ("portfolio.components"), so client components get only what they word.
type Tree = { [key: string]: unknown };

export function pickMessages(messages: Tree, paths: readonly string[]): Tree {
  const out: Tree = {};
  for (const path of paths) {
    const keys = path.split(".");
    let from: unknown = messages;
    let to = out;
    keys.forEach((key, i) => {
      from = (from as Tree | undefined)?.[key];
      if (i === keys.length - 1) to[key] = from;
      // A copy on the way down, so the catalogue itself is never written to.
      else to = to[key] = { ...(to[key] as Tree | undefined) };
    });
  }
  return out;
}
