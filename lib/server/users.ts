import "server-only";
import { prisma } from "@/lib/db";
import { verifyAgainstNothing, verifyPassword } from "@/lib/auth/password";
import type { Role } from "@/lib/auth/roles";

export type SignedInUser = {
  id: string;
  email: string;
  name: string;
  role: Role;
  departmentId: string | null;
  departmentName: string | null;
};

function toSignedIn(user: { id: string; email: string; name: string; role: Role; departmentId: string | null; department: { name: string } | null }): SignedInUser {
  return { id: user.id, email: user.email, name: user.name, role: user.role, departmentId: user.departmentId, departmentName: user.department?.name ?? null };
}

/** Checks e-mail and password; null for any failure, with the same cost either way. */
export async function verifyCredentials(email: string, password: string): Promise<SignedInUser | null> {
  const user = await prisma.user.findUnique({ where: { email }, include: { department: { select: { name: true } } } });
  if (!user || !user.active || !user.passwordHash) {
    await verifyAgainstNothing(password);
    return null;
  }
  return (await verifyPassword(password, user.passwordHash)) ? toSignedIn(user) : null;
}

/** For single sign-on: the municipality provisions users; unknown or inactive e-mails get no access. */
export async function findActiveUserByEmail(email: string): Promise<SignedInUser | null> {
  const user = await prisma.user.findUnique({ where: { email: email.toLowerCase() }, include: { department: { select: { name: true } } } });
  return user && user.active ? toSignedIn(user) : null;
}
