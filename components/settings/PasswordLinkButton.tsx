"use client";
import { useTranslations } from "next-intl";
import { startTransition, useActionState } from "react";
import { PasswordLinkPanel, type LinkState } from "./PasswordLinkPanel";

/** Makes a new one-time link (an invitation, or a reset for someone who has a password) and shows it. */
export function PasswordLinkButton(props: { action: (prev: LinkState) => Promise<LinkState>; label: string }) {
  const t = useTranslations("people");
  const [state, act, pending] = useActionState(props.action, null);
  return (
    <div className="space-y-3">
      <button type="button" disabled={pending} onClick={() => startTransition(() => act())} className="rounded border border-brand-800 px-3 py-2 font-semibold text-brand-800 hover:bg-brand-50 disabled:opacity-70">
        {props.label}
      </button>
      {state?.ok ? <PasswordLinkPanel link={state} /> : null}
      <p role="status" className="font-medium text-red-800">{state && !state.ok ? (state.code === "USER_INACTIVE" ? t("inactiveNoLink") : t("error")) : null}</p>
    </div>
  );
}
