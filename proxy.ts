// Only redirects: a visitor without a session cookie goes to sign-in, keeping where they
// were going. Authorization is decided by lib/auth/policy.ts on the server, never here,
// and the cookie itself is verified there (lib/auth/session.ts; an invalid one also ends
// at sign-in).
import { NextResponse, type NextRequest } from "next/server";

export function proxy(request: NextRequest) {
  const signIn = new URL("/signin", request.url);
  const target = request.nextUrl.pathname + request.nextUrl.search;
  if (target !== "/") signIn.searchParams.set("callbackUrl", target);
  return NextResponse.redirect(signIn);
}

export const config = {
  matcher: [
    {
      // Every page except sign-in; not the APIs (they answer 401 themselves) or static files.
      source: "/((?!signin|setup/|password/|api/|_next/|favicon\\.ico|robots\\.txt|.*\\.(?:svg|png|ico|css|js|txt)$).*)",
      // Only when there is no session cookie (next-auth's, __Secure- over https, split into
      // .0, .1 … when large): a signed-in request skips this step altogether, which costs
      // every page about a millisecond or two even when it only passes the request on.
      missing: [
        { type: "cookie", key: "next-auth.session-token" },
        { type: "cookie", key: "next-auth.session-token.0" },
        { type: "cookie", key: "__Secure-next-auth.session-token" },
        { type: "cookie", key: "__Secure-next-auth.session-token.0" },
      ],
    },
  ],
};
