"use client";
// The one-time link to set a password, shown to the administrator once (and said whether it
// was also mailed). It lives only in the form's state: a reload forgets it.
import { useTranslations, useFormatter } from "next-intl";
import { useEffect, useRef, useState } from "react";

type Issue = { path: string; message: string };
export type LinkState =
  | { ok: true; name: string; url: string; expiresAt: string; mailed: boolean; purpose: "INVITATION" | "RESET" }
  | { ok: false; code: string; issues?: Issue[] }
  | null;

export function PasswordLinkPanel({ link }: { link: Extract<LinkState, { ok: true }> }) {
  const t = useTranslations("people");
  const format = useFormatter();
  const heading = useRef<HTMLHeadingElement>(null);
  const [copied, setCopied] = useState(false);
  useEffect(() => {
    setCopied(false);
    heading.current?.focus();
  }, [link.url]);
  return (
    <section aria-labelledby="link-title" className="space-y-2 rounded border-2 border-emerald-800 bg-emerald-50 p-4" data-testid="password-link">
      <h3 id="link-title" ref={heading} tabIndex={-1} className="text-lg font-semibold">
        {link.purpose === "RESET" ? t("link.resetTitle", { name: link.name }) : t("link.invitationTitle", { name: link.name })}
      </h3>
      <p>{t("link.explain", { expires: format.dateTime(new Date(link.expiresAt), { dateStyle: "long", timeStyle: "short" }) })}</p>
      <p className="font-medium">{link.mailed ? t("link.mailed") : t("link.notMailed")}</p>
      <label htmlFor="password-link-url" className="block font-medium">{t("link.label")}</label>
      <div className="flex flex-wrap gap-2">
        <input id="password-link-url" readOnly value={link.url} className="block max-w-xl flex-1 rounded border border-slate-500 bg-white px-3 py-2 font-mono text-sm" onFocus={(e) => e.currentTarget.select()} />
        <button
          type="button"
          className="rounded border border-brand-800 bg-white px-3 py-2 font-semibold text-brand-800 hover:bg-brand-50"
          onClick={async () => {
            try {
              await navigator.clipboard.writeText(link.url);
              setCopied(true);
            } catch {
              setCopied(false);
            }
          }}
        >
          {t("link.copy")}
        </button>
      </div>
      <p role="status" className="text-emerald-900">{copied ? t("link.copied") : ""}</p>
    </section>
  );
}
