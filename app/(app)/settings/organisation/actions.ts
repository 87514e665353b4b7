"use server";
import { revalidatePath } from "next/cache";
import { requireActor } from "@/lib/auth/session";
import { actionFailure } from "@/lib/server/errors";
import { createDepartment, deleteDepartment, updateDepartment } from "@/lib/server/organisation";
import type { ActionState } from "@/components/ui/ActionForm";
import { optional, text } from "../form-data";

async function run(work: () => Promise<unknown>): Promise<ActionState> {
  try {
    await work();
    revalidatePath("/settings/organisation");
    return { ok: true };
  } catch (error) {
    return actionFailure(error);
  }
}

const fields = (form: FormData) => ({ name: text(form, "name"), shortName: text(form, "shortName"), kind: text(form, "kind"), parentId: optional(form, "parentId") });

export async function createDepartmentAction(_prev: ActionState, form: FormData): Promise<ActionState> {
  return run(async () => createDepartment(await requireActor(), fields(form)));
}

export async function updateDepartmentAction(id: string, version: number, _prev: ActionState, form: FormData): Promise<ActionState> {
  return run(async () => updateDepartment(await requireActor(), id, { ...fields(form), version }));
}

export async function setDepartmentActiveAction(id: string, version: number, active: boolean): Promise<ActionState> {
  return run(async () => updateDepartment(await requireActor(), id, { active, version }));
}

export async function deleteDepartmentAction(id: string): Promise<ActionState> {
  return run(async () => deleteDepartment(await requireActor(), id));
}
