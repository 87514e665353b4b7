"use server";
import { cookies } from "next/headers";
import { redirect } from "next/navigation";

/** next-auth's session cookie, over http and https, whole or split into chunks (.0, .1 …). */
const SESSION_COOKIE = /^(__Secure-)?next-auth\.session-token(\.\d+)?$/;

/**
 * Signs out as a plain form post: it works before (or without) the page's scripts, and always
 * ends on the sign-in page. Sessions are signed tokens in a cookie, so deleting the cookie ends
 * the session in this browser.
 */
export async function signOutAction(): Promise<void> {
  const jar = await cookies();
  for (const c of jar.getAll()) if (SESSION_COOKIE.test(c.name)) jar.delete({ name: c.name, path: "/" });
  redirect("/signin?done=signedOut");
}
