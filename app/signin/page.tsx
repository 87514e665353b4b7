import type { Metadata } from "next";
import { redirect } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { currentUser } from "@/lib/auth/session";
import { oidcConfigured } from "@/lib/auth/options";
import { SignInForm } from "@/components/auth/SignInForm";
import { demoAccountsPresent } from "@/lib/server/users";
import { safeCallback } from "@/lib/auth/redirect";
import { SsoButton } from "@/components/auth/SsoButton";
import { AccountFrame } from "@/components/account/AccountFrame";
import { setLocaleAction } from "../locale-actions";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("signin"))("title") };
}

const SSO_ERRORS = new Set(["SsoNoEmail", "SsoDeactivated", "SsoUnknown", "SsoUnmapped"]);

/** What the sign-in page confirms after a finished errand (?done=…). */
const DONE_NOTICES: Record<string, "signin.setupDone" | "signin.passwordDone" | "signin.signedOut"> = {
  setup: "signin.setupDone",
  password: "signin.passwordDone",
  signedOut: "signin.signedOut",
};

export default async function SignInPage({ searchParams }: { searchParams: Promise<{ callbackUrl?: string; error?: string; done?: string }> }) {
  const { callbackUrl, error, done } = await searchParams;
  const doneNotice = done && Object.hasOwn(DONE_NOTICES, done) ? DONE_NOTICES[done] : undefined;
  if (await currentUser()) redirect(safeCallback(callbackUrl));
  const t = await getTranslations();
  // The demo accounts are listed only where they exist (the demo municipality is seeded).
  const demo = await demoAccountsPresent();
  return (
    <AccountFrame languageAction={setLocaleAction}>
      <div>
        <h1 className="text-3xl font-bold">{t("signin.title")}</h1>
        <p className="mt-2">{t("signin.intro")}</p>
      </div>
      {error && error !== "CredentialsSignin" ? (
        <p role="alert" className="font-medium text-red-800" data-testid="sso-error">
          {SSO_ERRORS.has(error) ? t(`signin.sso${error.slice(3)}` as never) : t("signin.ssoFailed")}
        </p>
      ) : null}
      {doneNotice ? (
        <p role="status" className="rounded border-2 border-emerald-800 bg-emerald-50 p-3 font-medium" data-testid="signin-done">
          {t(doneNotice)}
        </p>
      ) : null}
      <SignInForm callbackUrl={callbackUrl} />
      {oidcConfigured() ? (
        <>
          <p className="text-center text-slate-700">{t("signin.or")}</p>
          <SsoButton label={t("signin.sso", { provider: process.env.OIDC_NAME ?? "SSO" })} callbackUrl={safeCallback(callbackUrl)} />
        </>
      ) : null}
      {demo ? (
        <section aria-labelledby="demo" className="rounded border border-slate-300 p-4 text-sm">
          <h2 id="demo" className="font-semibold">
            {t("signin.demoTitle")}
          </h2>
          <p className="mt-1">{t("signin.demoText")}</p>
          <ul className="mt-2 space-y-1 font-mono">
            {["chef@demo.kommun.se", "chef.skola@demo.kommun.se", "dig@demo.kommun.se", "ledning@demo.kommun.se", "insyn@demo.kommun.se", "admin@demo.kommun.se"].map((email) => (
              <li key={email}>{email}</li>
            ))}
          </ul>
        </section>
      ) : null}
    </AccountFrame>
  );
}
