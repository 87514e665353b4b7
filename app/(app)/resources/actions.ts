"use server";
import { revalidatePath } from "next/cache";
import { requireActor } from "@/lib/auth/session";
import { actionFailure } from "@/lib/server/errors";
import { createAllocation, createPool, deleteAllocation, initiativeIdByNumber, setCapacity, updateAllocation, updatePool } from "@/lib/server/resources";
import { updateResourceSettings } from "@/lib/server/settings";
import type { ResourceActionState } from "@/components/resources/ResourceForm";

const text = (form: FormData, key: string) => String(form.get(key) ?? "").trim();
/** A typed number: "" stays unknown (NaN → "enter a number"), a decimal comma is read as a point. */
const number = (form: FormData, key: string) => {
  const raw = text(form, key).replace(/\s/g, "").replace(",", ".");
  return raw === "" ? NaN : Number(raw);
};

function refresh(initiativeId?: string) {
  revalidatePath("/resources", "layout");
  if (initiativeId) revalidatePath(`/initiatives/${initiativeId}`);
}

async function run(work: () => Promise<{ initiativeId?: string; notices?: string[] }>): Promise<ResourceActionState> {
  try {
    const { initiativeId, notices } = await work();
    refresh(initiativeId);
    return { ok: true, notices };
  } catch (error) {
    const failure = actionFailure(error);
    // A stale version: show the stored values behind the message.
    if (failure.code === "VERSION_CONFLICT") refresh();
    return failure;
  }
}

/** Allocates hours: from the initiative page (initiative fixed) or the pool page (pool fixed, initiative by number). */
export async function allocateAction(fixed: { initiativeId?: string; poolId?: string }, _prev: ResourceActionState, form: FormData): Promise<ResourceActionState> {
  return run(async () => {
    const actor = await requireActor();
    const initiativeId = fixed.initiativeId ?? (await initiativeIdByNumber(actor, number(form, "initiativeNumber")));
    const result = await createAllocation(actor, { initiativeId, poolId: fixed.poolId ?? text(form, "poolId"), quarter: text(form, "quarter"), competence: text(form, "competence"), hours: number(form, "hours") });
    return { initiativeId, notices: [...(result.plan.changed ? ["planSet"] : []), ...(result.warnings.includes("OUTSIDE_PLANNED_PERIOD") ? ["outsidePlan"] : [])] };
  });
}

export async function updateAllocationAction(id: string, version: number, initiativeId: string, _prev: ResourceActionState, form: FormData): Promise<ResourceActionState> {
  return run(async () => {
    const result = await updateAllocation(await requireActor(), id, { hours: number(form, "hours"), version });
    return { initiativeId, notices: result.warnings.includes("OUTSIDE_PLANNED_PERIOD") ? ["outsidePlan"] : [] };
  });
}

export async function deleteAllocationAction(id: string, version: number, initiativeId: string, _prev: ResourceActionState): Promise<ResourceActionState> {
  return run(async () => {
    await deleteAllocation(await requireActor(), id, { version });
    return { initiativeId };
  });
}

export async function setCapacityAction(poolId: string, _prev: ResourceActionState, form: FormData): Promise<ResourceActionState> {
  return run(async () => {
    await setCapacity(await requireActor(), poolId, { quarter: text(form, "quarter"), competence: text(form, "competence"), hours: number(form, "hours") });
    return {};
  });
}

export async function updatePoolAction(poolId: string, _prev: ResourceActionState, form: FormData): Promise<ResourceActionState> {
  return run(async () => {
    await updatePool(await requireActor(), poolId, { wipLimit: text(form, "wipLimit") === "" ? null : number(form, "wipLimit") });
    return {};
  });
}

export async function updateResourceSettingsAction(_prev: ResourceActionState, form: FormData): Promise<ResourceActionState> {
  return run(async () => {
    await updateResourceSettings(await requireActor(), { defaultWipLimit: number(form, "defaultWipLimit"), hoursPerFte: number(form, "hoursPerFte") });
    return {};
  });
}

export async function createPoolAction(_prev: ResourceActionState, form: FormData): Promise<ResourceActionState> {
  return run(async () => {
    const kind = text(form, "kind");
    await createPool(await requireActor(), { name: text(form, "name"), kind, departmentId: kind === "LOCAL" ? text(form, "departmentId") || null : null, wipLimit: text(form, "wipLimit") === "" ? null : number(form, "wipLimit") });
    return {};
  });
}

export async function renamePoolAction(poolId: string, version: number, _prev: ResourceActionState, form: FormData): Promise<ResourceActionState> {
  return run(async () => {
    await updatePool(await requireActor(), poolId, { name: text(form, "name"), version });
    return {};
  });
}

export async function setPoolActiveAction(poolId: string, version: number, active: boolean): Promise<ResourceActionState> {
  return run(async () => {
    await updatePool(await requireActor(), poolId, { active, version });
    return {};
  });
}
