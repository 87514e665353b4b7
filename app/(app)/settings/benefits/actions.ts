"use server";
import { requireActor } from "@/lib/auth/session";
import { updateBenefitSettings } from "@/lib/server/benefits";
import type { ActionState } from "@/components/ui/ActionForm";
import { number, settle, text } from "../../action-helpers";

/** "6, 12, 24" → [6, 12, 24]; anything unreadable is sent as is, so the server names the field. */
const months = (raw: string) => raw.split(/[,;\s]+/).filter(Boolean).map((m) => (/^\d+$/.test(m) ? Number(m) : m));

export async function saveBenefitSettingsAction(_prev: ActionState, form: FormData): Promise<ActionState> {
  return settle(async () => updateBenefitSettings(await requireActor(), { followUpMonths: months(text(form, "followUpMonths")), overdueAfterDays: number(form, "overdueAfterDays") }), { path: "/settings/benefits" });
}
