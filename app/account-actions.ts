"use server";
// The one-time links' forms: set a password (invitation, reset) and the first administrator.
// They work signed out; the secret in the link is the only credential.
import { redirect } from "next/navigation";
import { actionFailure } from "@/lib/server/errors";
import { completeSetup, setPasswordWithLink } from "@/lib/server/password-links";
import type { ActionState } from "@/components/ui/ActionForm";

const text = (form: FormData, key: string) => String(form.get(key) ?? "");

export async function setPasswordAction(secret: string, _prev: ActionState, form: FormData): Promise<ActionState> {
  try {
    await setPasswordWithLink(secret, { password: text(form, "password"), confirm: text(form, "confirm") });
  } catch (error) {
    return actionFailure(error);
  }
  redirect("/signin?done=password");
}

export async function completeSetupAction(secret: string, _prev: ActionState, form: FormData): Promise<ActionState> {
  try {
    await completeSetup(secret, { name: text(form, "name").trim(), email: text(form, "email"), password: text(form, "password"), confirm: text(form, "confirm") });
  } catch (error) {
    return actionFailure(error);
  }
  redirect("/signin?done=setup");
}
