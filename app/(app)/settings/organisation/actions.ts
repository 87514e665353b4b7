"use server";
import { requireActor } from "@/lib/auth/session";
import { createDepartment, deleteDepartment, updateDepartment } from "@/lib/server/organisation";
import type { ActionState } from "@/components/ui/ActionForm";
import { optional, settle, text } from "../../action-helpers";

const run = (work: () => Promise<unknown>) => settle(work, { path: "/settings/organisation" });

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
