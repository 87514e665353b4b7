"use server";
import { revalidatePath } from "next/cache";
import { requireActor } from "@/lib/auth/session";
import { actionFailure, type FieldIssue } from "@/lib/server/errors";
import { moveInRanking, setBalanceTarget } from "@/lib/server/portfolio";
import { updateScoreWeights } from "@/lib/server/settings";

export async function setBalanceTargetAction(year: number, _prev: { ok: boolean; code?: string; issues?: FieldIssue[] } | null, form: FormData) {
  try {
    const user = await requireActor();
    const share = (k: string) => {
      const raw = String(form.get(k) ?? "").trim();
      return raw === "" ? NaN : Number(raw);
    };
    await setBalanceTarget(user, {
      year,
      shares: { INTERNAL_EFFICIENCY: share("INTERNAL_EFFICIENCY"), INTERNAL_INNOVATION: share("INTERNAL_INNOVATION"), EXTERNAL_EFFICIENCY: share("EXTERNAL_EFFICIENCY"), EXTERNAL_INNOVATION: share("EXTERNAL_INNOVATION") },
    });
    revalidatePath("/portfolio", "layout");
    return { ok: true };
  } catch (error) {
    return actionFailure(error);
  }
}

export async function setScoreWeightsAction(_prev: { ok: boolean; code?: string; issues?: FieldIssue[] } | null, form: FormData) {
  try {
    const user = await requireActor();
    const value = (k: string) => {
      const raw = String(form.get(k) ?? "").trim().replace(",", ".");
      return raw === "" ? NaN : Number(raw);
    };
    await updateScoreWeights(user, { alignment: value("alignment"), benefit: value("benefit"), reach: value("reach"), urgency: value("urgency"), risk: value("risk") });
    revalidatePath("/portfolio", "layout");
    return { ok: true };
  } catch (error) {
    return actionFailure(error);
  }
}

/** Leadership moves an initiative in the ranking (drag and drop, or the move dialog). */
export async function moveInRankingAction(id: string, input: { position: number | null; rationale: string; version: number }) {
  try {
    const user = await requireActor();
    await moveInRanking(user, id, input);
    revalidatePath("/portfolio", "layout");
    return { ok: true as const };
  } catch (error) {
    return actionFailure(error);
  }
}
