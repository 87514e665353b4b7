"use server";
import { requireActor } from "@/lib/auth/session";
import { createSsoMapping, deleteSsoMapping, updateSsoMapping, updateSsoSettings } from "@/lib/server/sso";
import type { ActionState } from "@/components/ui/ActionForm";
import { optional, settle, text } from "../../action-helpers";

const run = (work: () => Promise<unknown>) => settle(work, { path: "/settings/sso" });

const fields = (form: FormData) => ({ claimValue: text(form, "claimValue"), description: text(form, "description"), role: text(form, "role"), departmentId: optional(form, "departmentId") });

export async function createSsoMappingAction(_prev: ActionState, form: FormData): Promise<ActionState> {
  return run(async () => createSsoMapping(await requireActor(), fields(form)));
}

export async function updateSsoMappingAction(id: string, version: number, _prev: ActionState, form: FormData): Promise<ActionState> {
  return run(async () => updateSsoMapping(await requireActor(), id, { ...fields(form), version }));
}

export async function deleteSsoMappingAction(id: string): Promise<ActionState> {
  return run(async () => deleteSsoMapping(await requireActor(), id));
}

export async function saveSsoSettingsAction(_prev: ActionState, form: FormData): Promise<ActionState> {
  return run(async () => updateSsoSettings(await requireActor(), { unmapped: text(form, "unmapped") }));
}
