// Shared by server actions: reading a submitted form for a use case, and turning the use
// case's answer into the form's state.
import { revalidatePath } from "next/cache";
import { actionFailure } from "@/lib/server/errors";
import type { ActionState } from "@/components/ui/ActionForm";

/** Trimmed text; `optional` gives null for "". */
export const text = (form: FormData, key: string) => String(form.get(key) ?? "").trim();
export const optional = (form: FormData, key: string) => text(form, key) || null;
/** A typed number: "" stays unknown (NaN → "enter a number"), a decimal comma is read as a point. */
export const number = (form: FormData, key: string) => {
  const raw = text(form, key).replace(/\s/g, "").replace(",", ".");
  return raw === "" ? NaN : Number(raw);
};
/** An optional number: "" is null. */
export const optionalNumber = (form: FormData, key: string) => (text(form, key) === "" ? null : number(form, key));

/**
 * Runs a settings action's use case: on success the page (or the whole app, when what changed
 * shows everywhere) is rendered again; a refusal becomes the form's code and field issues.
 */
type Revalidate = { path: string; type?: "page" | "layout" };

export async function settle(work: () => Promise<unknown>, revalidate: Revalidate | Revalidate[]): Promise<ActionState> {
  try {
    await work();
    for (const r of Array.isArray(revalidate) ? revalidate : [revalidate]) revalidatePath(r.path, r.type);
    return { ok: true };
  } catch (error) {
    return actionFailure(error);
  }
}
