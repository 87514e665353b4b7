// `--import ./bench/server-only.mjs`: lets a bench run server modules in plain Node. They import
// `server-only`, which throws outside React's "react-server" condition; but under that condition
// next-intl's entry pulls in its client provider, which needs React's client hooks and fails to
// link. So the bench runs without the condition and `server-only` resolves to an empty module.
import { register } from "node:module";

const hook = `export async function resolve(specifier, context, next) {
  return specifier === "server-only" ? { url: "data:text/javascript,", shortCircuit: true } : next(specifier, context);
}`;
register(`data:text/javascript,${encodeURIComponent(hook)}`);
