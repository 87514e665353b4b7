// Only redirects: signed-out visitors of app pages go to sign-in. Authorization is
// decided by lib/auth/policy.ts on the server, never here.
import { getToken } from "next-auth/jwt";
import { NextResponse, type NextRequest } from "next/server";

export async function proxy(request: NextRequest) {
  const token = await getToken({ req: request });
  if (token) return NextResponse.next();
  const signIn = new URL("/signin", request.url);
  const target = request.nextUrl.pathname + request.nextUrl.search;
  if (target !== "/") signIn.searchParams.set("callbackUrl", target);
  return NextResponse.redirect(signIn);
}

export const config = {
  // Everything except sign-in, the APIs (they answer 401 themselves) and static files.
  matcher: ["/((?!signin|api/|_next/|favicon\\.ico|robots\\.txt|.*\\.(?:svg|png|ico|css|js|txt)$).*)"],
};
