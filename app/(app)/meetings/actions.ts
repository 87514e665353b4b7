"use server";
import { revalidatePath } from "next/cache";
import { redirect } from "next/navigation";
import { requireActor } from "@/lib/auth/session";
import { actionFailure, type FieldIssue } from "@/lib/server/errors";
import { addAgendaItem, adoptScenario, closeMeeting, createMeeting, decide, initiativeIdByNumber, refreshAgenda } from "@/lib/server/meetings";

export type MeetingActionState = { ok: boolean; code?: string; issues?: FieldIssue[] } | null;

const text = (f: FormData, k: string) => String(f.get(k) ?? "");

/** Runs the use case; on success revalidates the meetings and goes to `to` (with a status message in its query). */
async function run(fn: () => Promise<string>): Promise<MeetingActionState> {
  let to: string;
  try {
    to = await fn();
  } catch (error) {
    return actionFailure(error);
  }
  revalidatePath("/meetings", "layout");
  redirect(to);
}

export async function createMeetingAction(_prev: MeetingActionState, form: FormData) {
  return run(async () => {
    const { id, agendaCount } = await createMeeting(await requireActor(), {
      title: text(form, "title"), date: text(form, "date"), registryNumber: text(form, "registryNumber"), participants: text(form, "participants"),
    });
    return `/meetings/${id}?done=created&count=${agendaCount}`;
  });
}

export async function decideAction(meetingId: string, initiativeId: string, number: number, version: number, _prev: MeetingActionState, form: FormData) {
  return run(async () => {
    await decide(await requireActor(), meetingId, { initiativeId, version, type: text(form, "type"), rationale: text(form, "rationale") });
    return `/meetings/${meetingId}?done=decided&number=${number}`;
  });
}

export async function addAgendaItemAction(meetingId: string, _prev: MeetingActionState, form: FormData) {
  return run(async () => {
    const actor = await requireActor();
    const raw = text(form, "number").trim().replace(/^#/, "");
    const number = /^\d{1,10}$/.test(raw) ? Number(raw) : NaN;
    const initiativeId = await initiativeIdByNumber(actor, number);
    // Refused by the use case for anyone who may not change the agenda, known number or not.
    await addAgendaItem(actor, meetingId, { initiativeId: initiativeId ?? "unknown" });
    return `/meetings/${meetingId}?done=added&number=${number}`;
  });
}

export async function refreshAgendaAction(meetingId: string, _prev: MeetingActionState, _form: FormData) {
  return run(async () => {
    const { added } = await refreshAgenda(await requireActor(), meetingId);
    return `/meetings/${meetingId}?done=refreshed&count=${added}`;
  });
}

export async function closeMeetingAction(meetingId: string, _prev: MeetingActionState, form: FormData) {
  return run(async () => {
    const earlyReason = form.get("earlyReason");
    await closeMeeting(await requireActor(), meetingId, typeof earlyReason === "string" ? { earlyReason } : {});
    return `/meetings/${meetingId}?done=closed`;
  });
}

export async function adoptScenarioAction(meetingId: string, scenarioId: string, version: number, _prev: MeetingActionState, form: FormData) {
  return run(async () => {
    const { decisions } = await adoptScenario(await requireActor(), meetingId, scenarioId, { rationale: text(form, "rationale"), version });
    revalidatePath("/portfolio", "layout");
    return `/meetings/${meetingId}?done=adopted&count=${decisions.length}`;
  });
}
