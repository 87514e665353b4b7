import "server-only";
import { authorize, can } from "@/lib/auth/policy";
import type { Actor } from "@/lib/auth/roles";
import { prisma } from "@/lib/db";
import { isPlannable, stepFor, stepsFrom, type StepRule } from "@/lib/domain/lifecycle";
import { planInput, transitionInput } from "@/lib/validation/programs";
import { diff, recordAudit } from "./audit";
import { ConflictError, parseInput, ValidationError } from "./errors";
import { onFinished } from "./benefits";
import { claimVersion, loadForChange, transition } from "./initiatives";

/** Sets (or clears) the planned start and end quarters of an initiative that is not yet finished. */
export async function planInitiative(actor: Actor, id: string, input: unknown): Promise<{ version: number }> {
  authorize(actor, "initiative.plan");
  return prisma.$transaction(async (tx) => {
    const current = await loadForChange(tx, id);
    authorize(actor, "initiative.plan", current);
    const { version, ...plan } = parseInput(planInput, input);
    if (!isPlannable(current.status)) {
      throw new ConflictError("Only an initiative that is triaged, decided, running, paused or deferred can be planned.", { status: current.status, version: current.version }, "INVALID_STATUS");
    }
    await claimVersion(tx, id, version, plan);
    const changes = diff({ plannedStartQuarter: current.plannedStartQuarter, plannedEndQuarter: current.plannedEndQuarter }, plan);
    await recordAudit(tx, actor, { action: "initiative.plan", entityType: "Initiative", entityId: id, ...changes });
    return { version: version + 1 };
  });
}

/**
 * Starts, pauses, resumes, finishes or cancels an initiative: a recorded transition
 * (timeline entry with who and why, and an audit event). A step the status does not
 * allow is 409 INVALID_TRANSITION; a stale version is 409 VERSION_CONFLICT.
 */
export async function progressInitiative(actor: Actor, id: string, input: unknown): Promise<{ version: number; status: string }> {
  authorize(actor, "initiative.progress");
  return prisma.$transaction(async (tx) => {
    const current = await loadForChange(tx, id);
    // Who may take a step depends on the step asked for, so the input is read here.
    const { to, reason, version } = parseInput(transitionInput, input);
    authorize(actor, "initiative.progress", { ...current, to });
    const step = stepFor(current.status, to);
    if (!step) {
      throw new ConflictError(`An initiative that is ${current.status} cannot move to ${to}.`, { status: current.status, version: current.version }, "INVALID_TRANSITION");
    }
    if (step.reasonRequired && !reason) throw new ValidationError([{ path: "reason", message: "required" }]);
    const at = new Date();
    await claimVersion(tx, id, version, { status: to, ...(step.stamps ? { [step.stamps]: at } : {}) });
    // Finished: the benefit plan must be there, and its follow-ups are scheduled from today.
    if (to === "DONE") await onFinished(tx, id, at);
    await transition(tx, actor, id, current.status, to, reason ?? undefined);
    return { version: version + 1, status: to };
  });
}

/** The delivery steps this actor may take on this initiative now, for the page's buttons. */
export function availableSteps(actor: Actor, initiative: { ownerDepartmentId: string; status: string }): StepRule[] {
  return stepsFrom(initiative.status).filter((s) => can(actor, "initiative.progress", { ...initiative, to: s.to }));
}
