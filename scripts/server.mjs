// @ts-check
// The HTTP server in front of Next's request handler (`npm start`, `npm run dev`). Before every
// page it does what a Next proxy would, without the proxy's cost (a Request and a Response
// object per page, about 1 ms of the page's 8–12 ms, measured): a visitor without a session
// cookie goes to sign-in, keeping where they were going; every page gets a
// Content-Security-Policy with a fresh nonce, which Next reads from the request and puts on its
// own scripts (so no script runs that the page did not send). Authorization is decided by
// lib/auth/policy.ts on the server, never here, and the cookie itself is verified there
// (lib/auth/session.ts; an invalid one also ends at sign-in).
import { randomUUID } from "node:crypto";
import { createServer } from "node:http";
import path from "node:path";

const dev = process.argv.includes("--dev");
process.env.NODE_ENV ??= dev ? "development" : "production";
const port = Number(process.env.PORT || 3000);

/** Not pages: the APIs (they answer 401 themselves and run no scripts) and static files. */
const NOT_A_PAGE = /^\/(?:api\/|_next\/static|_next\/image|favicon\.ico$|robots\.txt$)|\.(?:svg|png|ico|css|js|txt|woff2?)$/;
/** Pages anyone may open. */
const PUBLIC = /^\/(?:signin(?:\/|$)|setup\/|password\/)/;
/** next-auth's session cookie: __Secure- over https, split into .0, .1 … when large. */
const SESSION_COOKIE = /(?:^|;)\s*(?:__Secure-)?next-auth\.session-token(?:\.0)?=/;

/** @param {string} nonce */
function contentSecurityPolicy(nonce) {
  return [
    "default-src 'self'",
    // 'strict-dynamic': scripts the nonced ones load (Next's chunks) may run, nothing else. React's development build needs eval.
    `script-src 'self' 'nonce-${nonce}' 'strict-dynamic'${dev ? " 'unsafe-eval'" : ""}`,
    // Charts and layout set style attributes; styles cannot run code.
    "style-src 'self' 'unsafe-inline'",
    "img-src 'self' data: blob:",
    "font-src 'self'",
    "connect-src 'self'",
    "object-src 'none'",
    "base-uri 'self'",
    "frame-ancestors 'none'",
  ].join("; ");
}

/**
 * What a page request needs before Next renders it; true when it was answered here (a redirect).
 * @param {import("node:http").IncomingMessage} req
 * @param {import("node:http").ServerResponse} res
 */
function guardPage(req, res) {
  const url = req.url ?? "/";
  const query = url.indexOf("?");
  const pathname = query < 0 ? url : url.slice(0, query);
  // A router prefetch renders nothing that runs.
  if (NOT_A_PAGE.test(pathname) || req.headers["next-router-prefetch"] !== undefined || req.headers.purpose === "prefetch") return false;
  if (!PUBLIC.test(pathname) && !SESSION_COOKIE.test(req.headers.cookie ?? "")) {
    res.statusCode = 307;
    res.setHeader("Location", url === "/" ? "/signin" : `/signin?${new URLSearchParams({ callbackUrl: url })}`);
    res.end();
    return true;
  }
  const policy = contentSecurityPolicy(btoa(randomUUID()));
  // Next takes the nonce for its scripts from the policy on the request.
  req.headers["content-security-policy"] = policy;
  res.setHeader("Content-Security-Policy", policy);
  // Behind HTTPS (at the load balancer): browsers keep to HTTPS for a year.
  if (req.headers["x-forwarded-proto"] === "https") res.setHeader("Strict-Transport-Security", "max-age=31536000; includeSubDomains");
  return false;
}

// Next is loaded after NODE_ENV is set: it picks its production or development build by it.
const { default: next } = await import("next");
const app = next({ dev, dir: path.resolve(import.meta.dirname, ".."), port });
const handle = app.getRequestHandler();
await app.prepare();

const server = createServer((req, res) => {
  if (guardPage(req, res)) return;
  // Next answers its own errors; this is for one that escapes it, so the process keeps serving.
  handle(req, res).catch((error) => {
    console.error("[portföljen] request failed", error);
    if (!res.headersSent) res.statusCode = 500;
    res.end();
  });
});
server.listen(port, () => console.log(`[portföljen] ready on http://localhost:${port}`));

// Stop taking requests, let the ones under way finish, then let Next close (as `next start` does).
let closing = false;
for (const signal of /** @type {const} */ (["SIGINT", "SIGTERM"])) {
  process.on(signal, () => {
    if (closing) return;
    closing = true;
    server.close(() => app.close().finally(() => process.exit(0)));
    if (dev) server.closeAllConnections();
    // Idle keep-alive connections would hold close() open.
    server.closeIdleConnections();
  });
}
