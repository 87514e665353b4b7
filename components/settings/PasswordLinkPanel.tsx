"use client";
// The one-time link to set a password, shown to the administrator once (and said whether it
// was also mailed). It lives only in the form's state: a reload forgets it.
import { useTranslations, useFormatter } from "next-intl";
import { useEffect, useRef } from "react";
import { CopyField } from "@/components/ui/CopyField";

type Issue = { path: string; message: string };
export type LinkState =
  | { ok: true; name: string; url: string; expiresAt: string; mailed: boolean; purpose: "INVITATION" | "RESET" }
  | { ok: false; code: string; issues?: Issue[] }
  | null;

export function PasswordLinkPanel({ link }: { link: Extract<LinkState, { ok: true }> }) {
  const t = useTranslations("people");
  const format = useFormatter();
  const heading = useRef<HTMLHeadingElement>(null);
  useEffect(() => {
    heading.current?.focus();
  }, [link.url]);
  return (
    <section aria-labelledby="link-title" className="space-y-2 rounded border-2 border-emerald-800 bg-emerald-50 p-4" data-testid="password-link">
      <h3 id="link-title" ref={heading} tabIndex={-1} className="text-lg font-semibold">
        {link.purpose === "RESET" ? t("link.resetTitle", { name: link.name }) : t("link.invitationTitle", { name: link.name })}
      </h3>
      <p>{t("link.explain", { expires: format.dateTime(new Date(link.expiresAt), { dateStyle: "long", timeStyle: "short" }) })}</p>
      <p className="font-medium">{link.mailed ? t("link.mailed") : t("link.notMailed")}</p>
      <CopyField key={link.url} id="password-link-url" label={t("link.label")} value={link.url} copy={t("link.copy")} copied={t("link.copied")} />
    </section>
  );
}
