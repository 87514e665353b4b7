// Before every page: a visitor without a session cookie goes to sign-in, keeping where they were
// going; every page gets a Content-Security-Policy with a fresh nonce, which Next puts on its own
// scripts (so no script runs that the page did not send). Authorization is decided by
// lib/auth/policy.ts on the server, never here, and the cookie itself is verified there
// (lib/auth/session.ts; an invalid one also ends at sign-in).
import { NextResponse, type NextRequest } from "next/server";

/** next-auth's session cookie: __Secure- over https, split into .0, .1 … when large. */
const SESSION_COOKIES = ["next-auth.session-token", "next-auth.session-token.0", "__Secure-next-auth.session-token", "__Secure-next-auth.session-token.0"];
/** Pages anyone may open. */
const PUBLIC = /^\/(?:signin(?:\/|$)|setup\/|password\/)/;

export function contentSecurityPolicy(nonce: string, dev = process.env.NODE_ENV === "development"): string {
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

export function proxy(request: NextRequest) {
  const path = request.nextUrl.pathname;
  if (!PUBLIC.test(path) && !SESSION_COOKIES.some((name) => request.cookies.has(name))) {
    const signIn = new URL("/signin", request.url);
    const target = path + request.nextUrl.search;
    if (target !== "/") signIn.searchParams.set("callbackUrl", target);
    return NextResponse.redirect(signIn);
  }
  const nonce = btoa(crypto.randomUUID());
  const policy = contentSecurityPolicy(nonce);
  const headers = new Headers(request.headers);
  // Next reads the policy from the request to put the nonce on the scripts it renders.
  headers.set("content-security-policy", policy);
  headers.set("x-nonce", nonce);
  const response = NextResponse.next({ request: { headers } });
  response.headers.set("Content-Security-Policy", policy);
  // Behind HTTPS (directly or at the load balancer): browsers keep to HTTPS for a year.
  if (request.nextUrl.protocol === "https:" || request.headers.get("x-forwarded-proto") === "https") {
    response.headers.set("Strict-Transport-Security", "max-age=31536000; includeSubDomains");
  }
  return response;
}

export const config = {
  matcher: [
    {
      // Every page; not the APIs (they answer 401 themselves and run no scripts) or static files.
      source: "/((?!api/|_next/static|_next/image|favicon\\.ico|robots\\.txt|.*\\.(?:svg|png|ico|css|js|txt|woff2?)$).*)",
      // A router prefetch renders nothing that runs.
      missing: [
        { type: "header", key: "next-router-prefetch" },
        { type: "header", key: "purpose", value: "prefetch" },
      ],
    },
  ],
};
