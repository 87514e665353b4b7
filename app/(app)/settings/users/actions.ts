"use server";
import { revalidatePath } from "next/cache";
import { requireActor } from "@/lib/auth/session";
import { actionFailure } from "@/lib/server/errors";
import { createUser, issuePasswordLink, updateUser } from "@/lib/server/users";
import type { ActionState } from "@/components/ui/ActionForm";
import type { LinkState } from "@/components/settings/PasswordLinkPanel";
import { optional, settle, text } from "../../action-helpers";

/** Adds a person; the one-time link travels back to the form that shows it (and only there). */
export async function createUserAction(_prev: LinkState, form: FormData): Promise<LinkState> {
  try {
    const created = await createUser(await requireActor(), {
      email: text(form, "email"),
      name: text(form, "name"),
      role: text(form, "role"),
      departmentId: optional(form, "departmentId"),
      locale: text(form, "locale") || "sv",
    });
    revalidatePath("/settings/users");
    return { ok: true, name: created.name, url: created.link.url, expiresAt: created.link.expiresAt.toISOString(), mailed: created.link.mailed, purpose: created.link.purpose };
  } catch (error) {
    return actionFailure(error);
  }
}

export async function updateUserAction(id: string, version: number, _prev: ActionState, form: FormData): Promise<ActionState> {
  return settle(
    async () => updateUser(await requireActor(), id, { name: text(form, "name"), role: text(form, "role"), departmentId: optional(form, "departmentId"), locale: text(form, "locale"), version }),
    { path: "/settings/users", type: "layout" },
  );
}

export async function setUserActiveAction(id: string, version: number, active: boolean): Promise<ActionState> {
  return settle(async () => updateUser(await requireActor(), id, { active, version }), { path: "/settings/users", type: "layout" });
}

export async function issuePasswordLinkAction(id: string, name: string, _prev: LinkState): Promise<LinkState> {
  try {
    const link = await issuePasswordLink(await requireActor(), id);
    revalidatePath(`/settings/users/${id}`);
    return { ok: true, name, url: link.url, expiresAt: link.expiresAt.toISOString(), mailed: link.mailed, purpose: link.purpose };
  } catch (error) {
    return actionFailure(error);
  }
}
