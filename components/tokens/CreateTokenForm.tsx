"use client";
import { useTranslations } from "next-intl";
import { startTransition, useActionState, useEffect, useRef } from "react";
import { CopyField } from "@/components/ui/CopyField";
import type { CreateTokenState } from "./types";

const field = "mt-1 block w-full rounded border border-slate-500 bg-white px-3 py-2";

/**
 * Creates an API token; on success shows its secret once, with a copy button. The secret
 * lives only in this component's state: reloading the page forgets it for good.
 */
export function CreateTokenForm(props: {
  action: (prev: CreateTokenState, form: FormData) => Promise<CreateTokenState>;
  roles: readonly string[];
  defaultExpiry: string;
  minExpiry: string;
  maxExpiry: string;
}) {
  const t = useTranslations("apiAccess");
  const tv = useTranslations("validation");
  const tr = useTranslations("roles");
  const [state, formAction, pending] = useActionState(props.action, null);
  const secretHeading = useRef<HTMLHeadingElement>(null);
  const formRef = useRef<HTMLFormElement>(null);
  const issues = state && !state.ok ? (state.issues ?? []) : [];
  const issue = (name: string) => issues.find((i) => i.path === name || i.path.startsWith(`${name}.`));
  const message = (name: string) => {
    const found = issue(name);
    if (!found) return null;
    const key = t.has(`validation.${found.message}`) ? null : found.message;
    return (
      <p id={`${name}-error`} className="mt-1 font-medium text-red-800">
        {key === null ? t(`validation.${found.message}`) : tv.has(key) ? tv(key) : tv("invalid")}
      </p>
    );
  };
  const described = (name: string) => (issue(name) ? { "aria-invalid": true, "aria-describedby": `${name}-error` } : {});

  useEffect(() => {
    if (state?.ok) {
      formRef.current?.reset();
      secretHeading.current?.focus();
    }
  }, [state]);

  const failure = state && !state.ok ? (state.code === "FORBIDDEN" ? t("forbidden") : issues.length ? tv("summary", { count: issues.length }) : t("error")) : null;

  return (
    <div className="space-y-4">
      {state?.ok ? (
        <section aria-labelledby="secret-title" className="space-y-3 rounded border-2 border-emerald-800 bg-emerald-50 p-4" data-testid="token-secret">
          <h3 id="secret-title" ref={secretHeading} tabIndex={-1} className="text-lg font-semibold">
            {t("secretTitle", { name: state.name })}
          </h3>
          <p className="font-medium">{t("secretOnce")}</p>
          <CopyField key={state.secret} id="token-secret-value" label={t("secretLabel")} value={state.secret} copy={t("copy")} copied={t("copied")} />
          <p>{t("secretUsage")}</p>
          <pre className="overflow-x-auto rounded bg-slate-100 p-2 text-sm"><code>{`curl -H "Authorization: Bearer ${state.secret.slice(0, 11)}…" ${typeof window === "undefined" ? "" : window.location.origin}/api/v1/initiatives`}</code></pre>
        </section>
      ) : null}

      <form noValidate
        ref={formRef}
        action={formAction}
        onSubmit={(event) => {
          // Keep what was typed after a refused submission (no automatic form reset).
          event.preventDefault();
          const data = new FormData(event.currentTarget);
          startTransition(() => formAction(data));
        }}
        className="space-y-4"
        data-testid="token-form"
      >
        <div className="grid gap-4 md:grid-cols-3">
          <div>
            <label htmlFor="token-name" className="font-medium">{t("fields.name")}</label>
            <input id="token-name" name="name" required maxLength={100} className={field} aria-describedby="token-name-help" {...described("name")} />
            <p id="token-name-help" className="mt-1 text-sm text-slate-700">{t("help.name")}</p>
            {message("name")}
          </div>
          <div>
            <label htmlFor="token-role" className="font-medium">{t("fields.role")}</label>
            <select id="token-role" name="role" defaultValue="VIEWER" className={field} aria-describedby="token-role-help" {...described("role")}>
              {props.roles.map((r) => (
                <option key={r} value={r}>{tr(r)}</option>
              ))}
            </select>
            <p id="token-role-help" className="mt-1 text-sm text-slate-700">{t("help.role")}</p>
            {message("role")}
          </div>
          <div>
            <label htmlFor="token-expires" className="font-medium">{t("fields.expiresAt")}</label>
            <input id="token-expires" name="expiresAt" type="date" required defaultValue={props.defaultExpiry} min={props.minExpiry} max={props.maxExpiry} className={field} aria-describedby="token-expires-help" {...described("expiresAt")} />
            <p id="token-expires-help" className="mt-1 text-sm text-slate-700">{t("help.expiresAt")}</p>
            {message("expiresAt")}
          </div>
        </div>
        <fieldset {...described("scopes")}>
          <legend className="font-medium">{t("fields.scopes")}</legend>
          <div className="mt-1 flex flex-wrap gap-6">
            <label className="flex items-center gap-2">
              <input type="checkbox" name="scopes" value="READ" defaultChecked className="h-4 w-4" />
              {t("scope.READ")}
            </label>
            <label className="flex items-center gap-2">
              <input type="checkbox" name="scopes" value="WRITE" className="h-4 w-4" />
              {t("scope.WRITE")}
            </label>
          </div>
          <p className="mt-1 text-sm text-slate-700">{t("help.scopes")}</p>
          {message("scopes")}
        </fieldset>
        <p role="status" className="font-medium text-red-800">{failure}</p>
        <button type="submit" disabled={pending} className="rounded bg-brand-700 px-4 py-2 font-semibold text-white hover:bg-brand-800 disabled:opacity-70">
          {t("create")}
        </button>
      </form>
    </div>
  );
}
