type Messages = Record<string, unknown>;

/** The parts of `messages` named by dotted paths ("validation", "resources.manage"), nested as in the whole. */
export function pickMessages(messages: Messages, paths: string[]): Messages {
  const out: Messages = {};
  for (const path of paths) {
    const keys = path.split(".");
    let from: unknown = messages;
    for (const key of keys) from = (from as Messages | undefined)?.[key];
    if (from === undefined) continue;
    let into = out;
    for (const key of keys.slice(0, -1)) into = (into[key] ??= {}) as Messages;
    into[keys.at(-1)!] = from;
  }
  return out;
}
