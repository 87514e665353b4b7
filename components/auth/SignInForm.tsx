"use client";
import { signIn } from "next-auth/react";
import { useTranslations } from "next-intl";
import { useState } from "react";
import { safeCallback } from "@/lib/auth/redirect";

export function SignInForm({ callbackUrl }: { callbackUrl?: string }) {
  const t = useTranslations("signin");
  const [failed, setFailed] = useState(false);
  const [pending, setPending] = useState(false);

  async function onSubmit(event: React.FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    setPending(true);
    setFailed(false);
    const result = await signIn("credentials", {
      email: String(form.get("email") ?? ""),
      password: String(form.get("password") ?? ""),
      redirect: false,
    });
    if (result?.ok && !result.error) {
      // A full navigation, so the server renders the signed-in layout with the new session.
      window.location.assign(safeCallback(callbackUrl));
      return;
    }
    setPending(false);
    setFailed(true);
  }

  return (
    <form onSubmit={onSubmit} className="space-y-4" noValidate>
      <div role="alert" data-testid="signin-error" className="min-h-6 font-medium text-red-800">
        {failed ? t("failed") : null}
      </div>
      <div>
        <label htmlFor="email" className="block font-medium">
          {t("email")}
        </label>
        <input id="email" name="email" type="email" autoComplete="username" required className="mt-1 w-full rounded border border-slate-500 px-3 py-2" />
      </div>
      <div>
        <label htmlFor="password" className="block font-medium">
          {t("password")}
        </label>
        <input id="password" name="password" type="password" autoComplete="current-password" required className="mt-1 w-full rounded border border-slate-500 px-3 py-2" />
      </div>
      <button type="submit" disabled={pending} className="w-full rounded bg-brand-700 px-4 py-2 font-semibold text-white hover:bg-brand-800 disabled:opacity-70">
        {pending ? t("submitting") : t("submit")}
      </button>
    </form>
  );
}
