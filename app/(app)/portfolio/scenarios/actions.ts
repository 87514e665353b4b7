"use server";
import { revalidatePath } from "next/cache";
import { redirect } from "next/navigation";
import { requireActor } from "@/lib/auth/session";
import type { Actor } from "@/lib/auth/roles";
import { actionFailure, ValidationError, type FieldIssue } from "@/lib/server/errors";
import { addScenarioToAgenda } from "@/lib/server/meetings";
import { startOptimiserRun } from "@/lib/server/optimiser/run";
import { createScenario, deleteScenario, initiativeIdsByNumber, updateScenario } from "@/lib/server/scenarios";
import { dependencyLines, numberList, optionalPercent, startLines, type Parsed } from "@/lib/validation/scenario-form";
import type { ActionState } from "@/components/ui/ActionForm";
import { number, text } from "../../action-helpers";

/** Runs the use case; on success goes to `to`. Issues name the form's fields, not the API's paths. */
async function run(fn: () => Promise<string>): Promise<ActionState> {
  let to: string;
  try {
    to = await fn();
  } catch (error) {
    const failure = actionFailure(error);
    return { ...failure, issues: failure.issues?.map((i) => ({ ...i, path: formPath(i.path) })) };
  }
  revalidatePath("/portfolio/scenarios", "layout");
  redirect(to);
}

/** "changes.include.3" → "include.3" (the include field shows it); starts and dependencies are one text field each. */
function formPath(path: string): string {
  const p = path.replace(/^changes\./, "");
  return /^(starts|dependencies)\.\d+\./.test(p) ? p.split(".")[0]! : p;
}

export async function createScenarioAction(_prev: ActionState, form: FormData) {
  return run(async () => {
    const scenario = await createScenario(await requireActor(), { name: text(form, "name"), description: text(form, "description") });
    return `/portfolio/scenarios/${scenario.id}?done=created`;
  });
}

/** The form's text (initiative numbers, lines) as the scenario's changes, naming ids. */
async function changesFrom(actor: Actor, form: FormData) {
  const issues: FieldIssue[] = [];
  const read = <T,>(field: string, parsed: Parsed<T>, fallback: T): T => {
    if (parsed.ok) return parsed.value;
    issues.push({ path: field, message: parsed.message });
    return fallback;
  };
  const include = read("include", numberList(text(form, "include")), []);
  const exclude = read("exclude", numberList(text(form, "exclude")), []);
  const starts = read("starts", startLines(text(form, "starts")), []);
  const dependencies = read("dependencies", dependencyLines(text(form, "dependencies")), []);
  const ids = await initiativeIdsByNumber(actor, [...include, ...exclude, ...starts.map((s) => s.number), ...dependencies.flatMap((d) => [d.number, d.requires])]);
  const id = (field: string, n: number) => {
    const found = ids.get(n);
    if (!found && !issues.some((i) => i.path === field)) issues.push({ path: field, message: "unknownInitiativeNumber" });
    return found ?? "";
  };
  const percent = (field: string) => {
    const parsed = optionalPercent.safeParse(text(form, field));
    return parsed.success ? parsed.data : NaN;
  };
  const rows = Number(text(form, "capacityRows")) || 0;
  const capacity = Array.from({ length: Math.min(rows, 50) }, (_, i) => ({
    poolId: text(form, `capacity.${i}.poolId`), from: text(form, `capacity.${i}.from`), to: text(form, `capacity.${i}.to`) || null, hoursPerQuarter: number(form, `capacity.${i}.hoursPerQuarter`),
  })).filter((c) => c.poolId);
  const weights = form.get("ownWeights") === "on"
    ? { alignment: number(form, "weights.alignment"), benefit: number(form, "weights.benefit"), reach: number(form, "weights.reach"), urgency: number(form, "weights.urgency"), risk: number(form, "weights.risk") }
    : null;
  const changes = {
    horizon: { from: text(form, "horizon.from"), quarters: number(form, "horizon.quarters") },
    include: include.map((n) => id("include", n)),
    exclude: exclude.map((n) => id("exclude", n)),
    starts: starts.map((s) => ({ initiativeId: id("starts", s.number), quarter: s.quarter })),
    dependencies: dependencies.map((d) => ({ initiativeId: id("dependencies", d.number), requiresId: id("dependencies", d.requires) })),
    capacity,
    weights,
    startWindow: number(form, "startWindow"),
    balanceTolerancePercent: percent("balanceTolerancePercent"),
    balanceMeasure: text(form, "balanceMeasure"),
    equityFloorPercent: percent("equityFloorPercent"),
  };
  if (issues.length) throw new ValidationError(issues.map((i) => ({ ...i, path: `changes.${i.path}` })));
  return changes;
}

export async function saveScenarioAction(id: string, version: number, _prev: ActionState, form: FormData) {
  return run(async () => {
    const actor = await requireActor();
    await updateScenario(actor, id, { name: text(form, "name"), description: text(form, "description"), changes: await changesFrom(actor, form), version });
    return `/portfolio/scenarios/${id}?done=saved`;
  });
}

export async function optimiseAction(id: string, version: number, _prev: ActionState, form: FormData) {
  return run(async () => {
    const started = await startOptimiserRun(await requireActor(), id, { timeLimitSeconds: number(form, "timeLimitSeconds"), version });
    return `/portfolio/scenarios/${id}?run=${started.id}#optimiser`;
  });
}

export async function deleteScenarioAction(id: string, _prev: ActionState, _form: FormData) {
  return run(async () => {
    await deleteScenario(await requireActor(), id);
    return "/portfolio/scenarios?done=deleted";
  });
}

export async function scenarioToAgendaAction(scenarioId: string, _prev: ActionState, form: FormData) {
  return run(async () => {
    const meetingId = text(form, "meetingId");
    if (!meetingId) throw new ValidationError([{ path: "meetingId", message: "required" }]);
    await addScenarioToAgenda(await requireActor(), meetingId, { scenarioId });
    revalidatePath("/meetings", "layout");
    return `/portfolio/scenarios/${scenarioId}?done=onAgenda`;
  });
}
