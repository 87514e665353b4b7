import "server-only";
import { TOKEN_ACTOR_PREFIX } from "@/lib/auth/api-token";
import type { Actor } from "@/lib/auth/roles";
import type { Prisma } from "@/lib/generated/prisma/client";

type Tx = Prisma.TransactionClient;

/** Appends to the audit trail inside the mutation's own transaction. */
export async function recordAudit(
  tx: Tx,
  actor: Actor,
  event: { action: string; entityType: string; entityId: string; before?: unknown; after?: unknown },
): Promise<void> {
  await tx.auditEvent.create({
    data: {
      actorId: actorUserId(actor),
      actorLabel: actor.name,
      action: event.action,
      entityType: event.entityType,
      entityId: event.entityId,
      before: (event.before ?? undefined) as Prisma.InputJsonValue | undefined,
      after: (event.after ?? undefined) as Prisma.InputJsonValue | undefined,
    },
  });
}

/** Only the fields that changed, before and after. */
export function diff(before: Record<string, unknown>, after: Record<string, unknown>): { before: Record<string, unknown>; after: Record<string, unknown> } {
  const b: Record<string, unknown> = {};
  const a: Record<string, unknown> = {};
  for (const key of Object.keys(after)) {
    if (JSON.stringify(before[key] ?? null) !== JSON.stringify(after[key] ?? null)) {
      b[key] = before[key] ?? null;
      a[key] = after[key] ?? null;
    }
  }
  return { before: b, after: a };
}

/**
 * The user behind an actor, for foreign keys. Service identities act as no user and are
 * named by their label: API tokens ("API-token: <name>"), the command line ("cli:"), single
 * sign-on provisioning ("sso:") and the first start's setup ("setup:").
 */
export function actorUserId(actor: Actor): string | null {
  return actor.id.startsWith(TOKEN_ACTOR_PREFIX) || SERVICE_PREFIXES.some((p) => actor.id.startsWith(p)) ? null : actor.id;
}
const SERVICE_PREFIXES = ["cli:", "sso:", "setup:"];
