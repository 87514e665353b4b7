import type { Metadata } from "next";
import Link from "next/link";
import { getFormatter, getTranslations } from "next-intl/server";
import { inspectLink } from "@/lib/server/password-links";
import { MIN_PASSWORD_LENGTH } from "@/lib/validation/users";
import { AccountFrame } from "@/components/account/AccountFrame";
import { PasswordFields } from "@/components/account/PasswordFields";
import { ActionForm } from "@/components/ui/ActionForm";
import { ClientMessages } from "@/components/ui/ClientMessages";
import { setPasswordAction } from "../../account-actions";
import { setLocaleAction } from "../../locale-actions";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("account"))("passwordTitle"), referrer: "no-referrer" };
}

/** An invitation or reset link: choose a password, or be told plainly why the link no longer works. */
export default async function SetPasswordPage({ params }: { params: Promise<{ token: string }> }) {
  const { token } = await params;
  const [t, format, link] = await Promise.all([getTranslations(), getFormatter(), inspectLink(token, "password")]);
  return (
    <AccountFrame languageAction={setLocaleAction}>
      {link.state === "valid" ? (
        <>
          <div>
            <h1 className="text-3xl font-bold">{link.purpose === "RESET" ? t("account.resetTitle") : t("account.welcomeTitle", { name: link.name ?? "" })}</h1>
            <p className="mt-2">{t("account.passwordIntro", { email: link.email ?? "", expires: format.dateTime(link.expiresAt, { dateStyle: "long", timeStyle: "short" }) })}</p>
          </div>
          <ClientMessages namespaces={["account", "validation"]}>
            <ActionForm
              action={setPasswordAction.bind(null, token)}
              submitLabel={t("account.savePassword")}
              messages={{ LINK_USED: t("account.used"), LINK_EXPIRED: t("account.expired"), LINK_UNKNOWN: t("account.unknown"), default: t("account.error") }}
              className="space-y-4"
              testId="password-form"
            >
              <input type="email" name="username" autoComplete="username" value={link.email ?? ""} readOnly hidden />
              <PasswordFields minLength={MIN_PASSWORD_LENGTH} />
            </ActionForm>
          </ClientMessages>
        </>
      ) : (
        <LinkProblem state={link.state} title={t(`account.${link.state}Title`)} text={t(`account.${link.state}`)} signIn={t("account.toSignIn")} />
      )}
    </AccountFrame>
  );
}

function LinkProblem(props: { state: string; title: string; text: string; signIn: string }) {
  return (
    <div data-testid={`link-${props.state}`}>
      <h1 className="text-3xl font-bold">{props.title}</h1>
      <p className="mt-2">{props.text}</p>
      <p className="mt-4"><Link href="/signin" className="font-medium text-brand-800 underline">{props.signIn}</Link></p>
    </div>
  );
}
