"use server";
import { revalidatePath } from "next/cache";
import { requireActor } from "@/lib/auth/session";
import { createToken, revokeToken } from "@/lib/server/api-tokens";
import { actionFailure } from "@/lib/server/errors";
import type { CreateTokenState, RevokeTokenState } from "@/components/tokens/types";

export async function createTokenAction(_prev: CreateTokenState, form: FormData): Promise<CreateTokenState> {
  try {
    const created = await createToken(await requireActor(), {
      name: String(form.get("name") ?? ""),
      role: String(form.get("role") ?? ""),
      scopes: form.getAll("scopes").map(String),
      expiresAt: String(form.get("expiresAt") ?? ""),
    });
    revalidatePath("/settings/tokens");
    // The one and only time the secret leaves the server.
    return { ok: true, secret: created.secret, name: created.name };
  } catch (error) {
    return actionFailure(error);
  }
}

export async function revokeTokenAction(id: string): Promise<RevokeTokenState> {
  try {
    await revokeToken(await requireActor(), id);
    revalidatePath("/settings/tokens");
    return { ok: true };
  } catch (error) {
    return actionFailure(error);
  }
}
