// Roles as the policy sees them. Mirrors the Prisma enum without importing the client,
// so the policy stays usable anywhere (components, tests, lib/domain callers).
export const ROLES = ["DEPARTMENT_MANAGER", "DIG", "LEADERSHIP", "VIEWER", "ADMIN"] as const;
export type Role = (typeof ROLES)[number];

/** Who is acting: a signed-in person or an API token acting as a service identity. */
export type Actor = {
  id: string;
  role: Role;
  departmentId: string | null;
  name: string;
};
