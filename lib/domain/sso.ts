// Single sign-on provisioning rules: which of the identity provider's claims count, and the
// role and department a person's groups give in Portföljen.
// The roles, as lib/auth/roles.ts names them (lib/domain imports nothing of ours).
type Role = "DEPARTMENT_MANAGER" | "DIG" | "LEADERSHIP" | "VIEWER" | "ADMIN";

/** The order of precedence when a person's groups map to several roles: the widest wins. */
const PRECEDENCE: Role[] = ["ADMIN", "LEADERSHIP", "DIG", "DEPARTMENT_MANAGER", "VIEWER"];

/** The claims read for group and role values unless configured (Entra ID: groups, app roles: roles). */
export const DEFAULT_GROUP_CLAIMS = ["groups", "roles"];

/** Every string value of the named claims (arrays of strings or single strings), deduplicated. */
export function claimValues(claims: Record<string, unknown>, names: readonly string[] = DEFAULT_GROUP_CLAIMS): string[] {
  const values = new Set<string>();
  for (const name of names) {
    const value = claims[name];
    const list = Array.isArray(value) ? value : value === undefined || value === null ? [] : [value];
    for (const v of list) if (typeof v === "string" && v.trim() && v.length <= 200) values.add(v.trim());
  }
  return [...values];
}

export type Mapping = { claimValue: string; role: Role; departmentId: string | null };

/**
 * The role and department a person's claim values give: the highest-precedence role among
 * the matching mappings, with that mapping's department (or, if it names none, the first
 * department another matching mapping names). Null when no mapping matches.
 */
export function resolveMapping(values: readonly string[], mappings: readonly Mapping[]): { role: Role; departmentId: string | null; matched: string[] } | null {
  const have = new Set(values);
  const matching = mappings.filter((m) => have.has(m.claimValue)).sort((a, b) => PRECEDENCE.indexOf(a.role) - PRECEDENCE.indexOf(b.role) || (a.claimValue < b.claimValue ? -1 : 1));
  const best = matching[0];
  if (!best) return null;
  const departmentId = best.departmentId ?? matching.find((m) => m.departmentId)?.departmentId ?? null;
  return { role: best.role, departmentId, matched: matching.map((m) => m.claimValue) };
}

export type ProvisioningDecision =
  | { kind: "refuse"; reason: "deactivated" | "unknown" | "unmapped" }
  | { kind: "create"; role: Role; departmentId: string | null; ssoManaged: true }
  | { kind: "update"; role: Role; departmentId: string | null; ssoManaged: boolean }
  | { kind: "keep" };

/**
 * What a sign-in through the identity provider does to the person in Portföljen:
 * - a deactivated person is refused;
 * - someone unknown is created (when automatic creation is on) with the mapped role, or as a
 *   viewer / refused when no mapping covers them (the setting);
 * - a known person whose groups map gets the mapped role and department, at every sign-in;
 * - a known person no mapping covers keeps a role an administrator set by hand, but one whose
 *   role came from the groups (ssoManaged) falls back to the setting: viewer or refused.
 */
export function provisioning(input: {
  existing: { active: boolean; role: Role; departmentId: string | null; ssoManaged: boolean } | null;
  resolved: { role: Role; departmentId: string | null } | null;
  autoCreate: boolean;
  unmapped: "VIEWER" | "REFUSE";
}): ProvisioningDecision {
  const { existing, resolved, autoCreate, unmapped } = input;
  if (existing && !existing.active) return { kind: "refuse", reason: "deactivated" };
  if (!existing) {
    if (!autoCreate) return { kind: "refuse", reason: "unknown" };
    if (resolved) return { kind: "create", role: resolved.role, departmentId: resolved.departmentId, ssoManaged: true };
    return unmapped === "VIEWER" ? { kind: "create", role: "VIEWER", departmentId: null, ssoManaged: true } : { kind: "refuse", reason: "unmapped" };
  }
  if (resolved) {
    const same = existing.role === resolved.role && existing.departmentId === resolved.departmentId && existing.ssoManaged;
    return same ? { kind: "keep" } : { kind: "update", role: resolved.role, departmentId: resolved.departmentId, ssoManaged: true };
  }
  if (!existing.ssoManaged) return { kind: "keep" };
  if (unmapped === "REFUSE") return { kind: "refuse", reason: "unmapped" };
  return existing.role === "VIEWER" ? { kind: "keep" } : { kind: "update", role: "VIEWER", departmentId: existing.departmentId, ssoManaged: true };
}
