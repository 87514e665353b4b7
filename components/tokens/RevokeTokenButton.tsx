"use client";
import { useTranslations } from "next-intl";
import { useRef, useState, useTransition } from "react";
import type { RevokeTokenState } from "./types";

/** Revoke in two steps: the first click asks, the second revokes (keyboard and screen-reader friendly, no browser dialog). */
export function RevokeTokenButton({ id, name, action }: { id: string; name: string; action: (id: string) => Promise<RevokeTokenState> }) {
  const t = useTranslations("apiAccess");
  const [asking, setAsking] = useState(false);
  const [failed, setFailed] = useState(false);
  const [pending, startTransition] = useTransition();
  const confirmRef = useRef<HTMLButtonElement>(null);
  const askRef = useRef<HTMLButtonElement>(null);

  if (!asking) {
    return (
      <button
        ref={askRef}
        type="button"
        className="rounded border border-red-800 px-3 py-1 font-semibold text-red-800 hover:bg-red-50"
        onClick={() => {
          setAsking(true);
          setTimeout(() => confirmRef.current?.focus(), 0);
        }}
      >
        {t("revoke")}
        <span className="sr-only"> {name}</span>
      </button>
    );
  }
  return (
    <div role="group" aria-label={t("revokeConfirm", { name })} className="flex flex-wrap items-center gap-2">
      <span className="font-medium">{t("revokeConfirm", { name })}</span>
      <button
        ref={confirmRef}
        type="button"
        disabled={pending}
        className="rounded bg-red-800 px-3 py-1 font-semibold text-white hover:bg-red-900 disabled:opacity-70"
        onClick={() =>
          startTransition(async () => {
            const result = await action(id);
            setFailed(!result.ok);
            if (result.ok) setAsking(false);
          })
        }
      >
        {t("revokeYes")}
      </button>
      <button
        type="button"
        className="rounded border border-slate-500 px-3 py-1"
        onClick={() => {
          setAsking(false);
          setTimeout(() => askRef.current?.focus(), 0);
        }}
      >
        {t("revokeNo")}
      </button>
      {failed ? <span role="alert" className="font-medium text-red-800">{t("error")}</span> : null}
    </div>
  );
}
