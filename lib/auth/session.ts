import "server-only";
import { getToken, type JWT } from "next-auth/jwt";
import { cookies } from "next/headers";
import { cache } from "react";
import { redirect } from "next/navigation";
import { sessionIsCurrent } from "@/lib/server/users";
import { sessionUser } from "./options";
import { SessionMemo } from "./session-memo";
import { UnauthenticatedError } from "./policy";
import type { Actor } from "./roles";

export type SessionUser = Actor & { email: string; departmentName: string | null };

const memo = new SessionMemo<JWT>();

// Memoised per server render: the layout and the page both ask, the cookie is decrypted once.
// The session cookie is decoded directly rather than through getServerSession, which runs
// next-auth's whole request handler (a CSRF token, the callbacks, re-encrypting the token
// for a cookie it cannot set from here) and cost every page about 2 ms of CPU. Same check:
// decrypted with the secret, expiry verified. Headers are left out so that a Bearer API
// token is never taken for a session.
export const currentUser = cache(async (): Promise<SessionUser | null> => {
  // getToken reads the cookies through getAll(), which Next's cookie store has; its type only
  // names whole request objects.
  const store = await cookies();
  const cookie = store.getAll().filter((c) => c.name.includes("next-auth.session-token")).map((c) => `${c.name}=${c.value}`).join("; ");
  if (!cookie) return null;
  let token = memo.get(cookie) ?? null;
  if (!token) {
    const req = { cookies: store, headers: {} } as unknown as Parameters<typeof getToken>[0]["req"];
    token = await getToken({ req });
    if (token) memo.set(cookie, token);
  }
  const user = token ? sessionUser(token) : null;
  if (!user?.id) return null;
  // A deactivated person, or one whose role, department or password changed, is signed out here.
  return (await sessionIsCurrent(user.id, token!.sv)) ? user : null;
});

/** For signed-in pages: the user, or a redirect to sign-in. */
export async function requireUser(): Promise<SessionUser> {
  const user = await currentUser();
  if (!user) redirect("/signin");
  return user;
}

/** For server actions and route handlers: the signed-in user, or a 401 error (no redirect). */
export async function requireActor(): Promise<SessionUser> {
  const user = await currentUser();
  if (!user) throw new UnauthenticatedError();
  return user;
}
