"use server";
import { revalidatePath } from "next/cache";
import { redirect } from "next/navigation";
import { requireActor } from "@/lib/auth/session";
import { actionFailure, parseInput, toErrorResponse, type FieldIssue } from "@/lib/server/errors";
import { addComment, checkSubmission, createInitiative, submitInitiative, updateClassification, updateInitiative, type EditableInitiative } from "@/lib/server/initiatives";
import { similarInitiatives, type SimilarInitiative } from "@/lib/server/similar-initiatives";
import { saveActionInput } from "@/lib/validation/initiative";

export type SaveResult =
  | { ok: true; id: string; version: number; submitted: boolean }
  | { ok: false; code: string; issues?: FieldIssue[]; current?: EditableInitiative; id?: string; version?: number };

function failure(error: unknown, extra: { id?: string; version?: number } = {}): SaveResult {
  const { body } = toErrorResponse(error);
  return { ok: false, code: body.error.code, issues: body.error.issues, current: body.error.current as EditableInitiative | undefined, ...extra };
}

/** Saves a draft (creating it the first time) and, when asked, submits it. */
export async function saveInitiativeAction(input: { id?: string; version?: number; submit: boolean; fields: Record<string, unknown> }): Promise<SaveResult> {
  let id: string | undefined;
  let version: number | undefined;
  try {
    const user = await requireActor();
    // Anyone can post to an action: a call that is not this shape is refused, not a crash.
    const call = parseInput(saveActionInput, input);
    ({ id, version } = call);
    if (call.submit) checkSubmission(user, call.fields);
    if (!id) {
      const created = await createInitiative(user, call.fields);
      id = created.id;
      version = created.version;
    } else {
      version = (await updateInitiative(user, id, { ...call.fields, version })).version;
    }
    if (call.submit) version = (await submitInitiative(user, id, { version })).version;
    revalidatePath("/initiatives");
    return { ok: true, id, version: version!, submitted: call.submit };
  } catch (error) {
    // A new draft that saved but could not be submitted keeps its id, so nothing is lost.
    return failure(error, { id, version });
  }
}

/** "Skicka in" on the draft's own page: the stored draft, as it stands. */
export async function submitDraftAction(id: string, version: number): Promise<{ ok: boolean; code?: string; issues?: FieldIssue[] }> {
  try {
    await submitInitiative(await requireActor(), id, { version });
  } catch (error) {
    return actionFailure(error);
  }
  revalidatePath("/initiatives");
  redirect(`/initiatives/${id}?submitted=1`);
}

export async function findSimilarAction(input: { title: string; need: string; excludeId?: string }): Promise<SimilarInitiative[]> {
  try {
    return await similarInitiatives(await requireActor(), input);
  } catch {
    return [];
  }
}

export async function addCommentAction(initiativeId: string, _prev: { ok: boolean; code?: string } | null, formData: FormData): Promise<{ ok: boolean; code?: string; issues?: FieldIssue[] }> {
  try {
    await addComment(await requireActor(), initiativeId, { body: String(formData.get("body") ?? "") });
    revalidatePath(`/initiatives/${initiativeId}`);
    return { ok: true };
  } catch (error) {
    return actionFailure(error);
  }
}

/** DIG, leadership and admin correct the PIOS classification from the initiative page. */
export async function classifyAction(initiativeId: string, version: number, _prev: { ok: boolean; code?: string } | null, formData: FormData): Promise<{ ok: boolean; code?: string }> {
  try {
    const pick = (key: string) => {
      const value = formData.get(key);
      return typeof value === "string" && value ? value : undefined;
    };
    await updateClassification(await requireActor(), initiativeId, { version, benefitRecipient: pick("benefitRecipient"), nature: pick("nature") });
    revalidatePath(`/initiatives/${initiativeId}`);
    return { ok: true };
  } catch (error) {
    return actionFailure(error);
  }
}
