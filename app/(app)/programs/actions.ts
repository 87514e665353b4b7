"use server";
import { revalidatePath } from "next/cache";
import { redirect } from "next/navigation";
import { requireActor } from "@/lib/auth/session";
import { actionFailure, toErrorResponse, type FieldIssue } from "@/lib/server/errors";
import { planInitiative, progressInitiative } from "@/lib/server/lifecycle";
import { addProgramInitiatives, createProgram, removeProgramInitiative, setInitiativeProgram, updateProgram } from "@/lib/server/programs";

type State = { ok: boolean; code?: string; issues?: FieldIssue[] } | null;

const str = (form: FormData, key: string) => String(form.get(key) ?? "");
const programFields = (form: FormData) => ({
  name: str(form, "name"),
  targetState: str(form, "targetState"),
  leaderId: str(form, "leaderId"),
  councilIds: form.getAll("councilIds").map(String),
  goalIds: form.getAll("goalIds").map(String),
});

export async function createProgramAction(_prev: State, form: FormData): Promise<State> {
  let id: string;
  try {
    id = (await createProgram(await requireActor(), programFields(form))).id;
  } catch (error) {
    return actionFailure(error);
  }
  revalidatePath("/programs");
  redirect(`/programs/${id}?saved=1`);
}

export async function updateProgramAction(id: string, updatedAt: string, _prev: State, form: FormData): Promise<State> {
  try {
    await updateProgram(await requireActor(), id, { ...programFields(form), updatedAt });
  } catch (error) {
    return actionFailure(error);
  }
  revalidatePath("/programs");
  redirect(`/programs/${id}?saved=1`);
}

export async function addProgramInitiativeAction(programId: string, _prev: State, form: FormData): Promise<State> {
  try {
    const ids = form.getAll("initiativeIds").map(String).filter(Boolean);
    await addProgramInitiatives(await requireActor(), programId, { initiativeIds: ids });
    revalidatePath(`/programs/${programId}`);
    return { ok: true };
  } catch (error) {
    return actionFailure(error);
  }
}

/** A plain form button (works without JavaScript): a refusal comes back as ?error=CODE on the program page. */
/** Confirmed in a dialog first (ConfirmAction); a refusal is told beside the button, a removal on the page. */
export async function removeProgramInitiativeAction(programId: string, initiativeId: string): Promise<{ ok: boolean; code?: string }> {
  try {
    await removeProgramInitiative(await requireActor(), programId, initiativeId);
  } catch (error) {
    return { ok: false, code: toErrorResponse(error).body.error.code };
  }
  revalidatePath(`/programs/${programId}`);
  redirect(`/programs/${programId}?removed=1`);
}

export async function setInitiativeProgramAction(initiativeId: string, version: number, _prev: State, form: FormData): Promise<State> {
  try {
    await setInitiativeProgram(await requireActor(), initiativeId, { programId: str(form, "programId") || null, version });
    revalidatePath(`/initiatives/${initiativeId}`);
    return { ok: true };
  } catch (error) {
    return actionFailure(error);
  }
}

export async function planInitiativeAction(initiativeId: string, version: number, _prev: State, form: FormData): Promise<State> {
  try {
    const quarter = (key: string) => str(form, key).trim().toUpperCase();
    await planInitiative(await requireActor(), initiativeId, { plannedStartQuarter: quarter("plannedStartQuarter"), plannedEndQuarter: quarter("plannedEndQuarter"), version });
    revalidatePath(`/initiatives/${initiativeId}`);
    return { ok: true };
  } catch (error) {
    return actionFailure(error);
  }
}

export async function progressInitiativeAction(initiativeId: string, version: number, to: string, _prev: State, form: FormData): Promise<State> {
  try {
    await progressInitiative(await requireActor(), initiativeId, { to, reason: str(form, "reason"), version });
    revalidatePath(`/initiatives/${initiativeId}`);
    return { ok: true };
  } catch (error) {
    return actionFailure(error);
  }
}
