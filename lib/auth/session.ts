import "server-only";
import { getServerSession } from "next-auth";
import { cache } from "react";
import { redirect } from "next/navigation";
import { authOptions } from "./options";
import { UnauthenticatedError } from "./policy";
import type { Actor } from "./roles";

export type SessionUser = Actor & { email: string; departmentName: string | null };

// Memoised per server render: the layout and the page both ask, the cookie is decrypted once.
export const currentUser = cache(async (): Promise<SessionUser | null> => {
  const session = await getServerSession(authOptions);
  if (!session?.user?.id) return null;
  return session.user;
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
