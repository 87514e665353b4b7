// The organisation's tree: a unit may belong to another (a company to its company group).

/** Would making `parentId` the parent of `id` put a unit under itself? */
export function wouldCycle(parentOf: ReadonlyMap<string, string | null>, id: string, parentId: string | null): boolean {
  let current = parentId;
  for (let steps = 0; current !== null && steps <= parentOf.size; steps++) {
    if (current === id) return true;
    current = parentOf.get(current) ?? null;
  }
  return current !== null;
}

/** A person's state as an administrator reads it. */
export function personStatus(user: { active: boolean; hasPassword: boolean; ssoManaged: boolean; lastSignInAt: Date | null }): "ACTIVE" | "INVITED" | "DEACTIVATED" {
  if (!user.active) return "DEACTIVATED";
  return user.hasPassword || user.ssoManaged || user.lastSignInAt ? "ACTIVE" : "INVITED";
}
