"use server";
import { requireActor } from "@/lib/auth/session";
import { createGoal, deleteGoal, updateGoal } from "@/lib/server/goals";
import type { ActionState } from "@/components/ui/ActionForm";
import { number, optionalNumber, settle, text } from "../../action-helpers";

// The ranking scores against the goals: every view of it follows.
const run = (work: () => Promise<unknown>) => settle(work, { path: "/", type: "layout" });

const fields = (form: FormData) => ({
  code: text(form, "code"),
  title: text(form, "title"),
  description: text(form, "description"),
  weight: number(form, "weight"),
  validFrom: optionalNumber(form, "validFrom"),
  validTo: optionalNumber(form, "validTo"),
});

export async function createGoalAction(_prev: ActionState, form: FormData): Promise<ActionState> {
  return run(async () => createGoal(await requireActor(), fields(form)));
}

export async function updateGoalAction(id: string, version: number, _prev: ActionState, form: FormData): Promise<ActionState> {
  return run(async () => updateGoal(await requireActor(), id, { ...fields(form), version }));
}

export async function setGoalActiveAction(id: string, version: number, active: boolean): Promise<ActionState> {
  return run(async () => updateGoal(await requireActor(), id, { active, version }));
}

export async function deleteGoalAction(id: string): Promise<ActionState> {
  return run(async () => deleteGoal(await requireActor(), id));
}
