"use server";
import { redirect } from "next/navigation";
import { revalidatePath } from "next/cache";
import { requireActor } from "@/lib/auth/session";
import { actionFailure, type FieldIssue } from "@/lib/server/errors";
import { updateTriageSettings } from "@/lib/server/settings";
import { approveInFastLane, decideTriage, requestInfo } from "@/lib/server/triage";

export type TriageActionState = { ok: boolean; code?: string; issues?: FieldIssue[] } | null;

async function run(fn: () => Promise<unknown>, done: string, number: number): Promise<TriageActionState> {
  try {
    await fn();
  } catch (error) {
    return actionFailure(error);
  }
  revalidatePath("/triage");
  redirect(`/triage?done=${done}&number=${number}`);
}

const text = (f: FormData, k: string) => String(f.get(k) ?? "");

export async function decideTriageAction(id: string, number: number, version: number, _prev: TriageActionState, form: FormData) {
  return run(
    async () => decideTriage(await requireActor(), id, { version, kind: text(form, "kind"), size: text(form, "size"), track: text(form, "track"), quadrant: text(form, "quadrant"), overrideReason: text(form, "overrideReason"), notes: text(form, "notes") }),
    "triaged",
    number,
  );
}

export async function requestInfoAction(id: string, number: number, version: number, _prev: TriageActionState, form: FormData) {
  return run(async () => requestInfo(await requireActor(), id, { version, message: text(form, "message") }), "needsInfo", number);
}

export async function approveFastLaneAction(id: string, number: number, version: number, _prev: TriageActionState, form: FormData) {
  return run(async () => approveInFastLane(await requireActor(), id, { version, quadrant: text(form, "quadrant"), rationale: text(form, "rationale") }), "approved", number);
}

export async function saveTriageSettingsAction(_prev: TriageActionState, form: FormData): Promise<TriageActionState> {
  const num = (k: string) => (text(form, k).trim() === "" ? NaN : Number(text(form, k).replace(/\s/g, "")));
  const list = (k: string) => text(form, k).split(/[\n,]/).map((w) => w.trim()).filter(Boolean);
  try {
    await updateTriageSettings(await requireActor(), {
      size: { smallMaxCostSek: num("smallMaxCostSek"), smallMaxEffortHours: num("smallMaxEffortHours"), mediumMaxCostSek: num("mediumMaxCostSek"), mediumMaxEffortHours: num("mediumMaxEffortHours") },
      routing: { infrastructure: text(form, "infrastructure"), businessSmall: text(form, "businessSmall"), businessMedium: text(form, "businessMedium"), businessLarge: text(form, "businessLarge") },
      vocabulary: {
        infrastructure: list("vocabularyInfrastructure"), businessDevelopment: list("vocabularyBusinessDevelopment"), external: list("vocabularyExternal"),
        internal: list("vocabularyInternal"), innovation: list("vocabularyInnovation"), efficiency: list("vocabularyEfficiency"),
      },
      delegationLimitSek: num("delegationLimitSek"),
    });
    revalidatePath("/settings/triage");
    return { ok: true };
  } catch (error) {
    return actionFailure(error);
  }
}
