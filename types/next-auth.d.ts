import type { Role } from "@/lib/auth/roles";

declare module "next-auth" {
  interface Session {
    user: { id: string; name: string; email: string; role: Role; departmentId: string | null; departmentName: string | null };
  }
  interface User {
    role?: Role;
    departmentId?: string | null;
    departmentName?: string | null;
    sessionVersion?: number;
  }
}

declare module "next-auth/jwt" {
  interface JWT {
    uid?: string;
    role?: Role;
    departmentId?: string | null;
    departmentName?: string | null;
    /** The person's session version at sign-in: a newer one in the database ends this session. */
    sv?: number;
  }
}
