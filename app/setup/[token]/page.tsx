import type { Metadata } from "next";
import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { inspectLink } from "@/lib/server/password-links";
import { MIN_PASSWORD_LENGTH } from "@/lib/validation/users";
import { AccountFrame } from "@/components/account/AccountFrame";
import { PasswordFields } from "@/components/account/PasswordFields";
import { ActionForm } from "@/components/ui/ActionForm";
import { ClientMessages } from "@/components/ui/ClientMessages";
import { TextField } from "@/components/ui/fields";
import { completeSetupAction } from "../../account-actions";
import { setLocaleAction } from "../../locale-actions";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("account"))("setupTitle"), referrer: "no-referrer" };
}

/**
 * The first start of an empty database: the link printed in the server log creates the first
 * administrator. It works only while nobody exists, and only with that link.
 */
export default async function SetupPage({ params }: { params: Promise<{ token: string }> }) {
  const { token } = await params;
  const [t, link] = await Promise.all([getTranslations(), inspectLink(token, "setup")]);
  return (
    <AccountFrame languageAction={setLocaleAction}>
      {link.state === "valid" ? (
        <>
          <div>
            <h1 className="text-3xl font-bold">{t("account.setupTitle")}</h1>
            <p className="mt-2">{t("account.setupIntro")}</p>
          </div>
          <ClientMessages namespaces={["account", "validation"]}>
            <ActionForm
              action={completeSetupAction.bind(null, token)}
              submitLabel={t("account.setupSubmit")}
              messages={{ LINK_USED: t("account.setupDone"), LINK_EXPIRED: t("account.expired"), LINK_UNKNOWN: t("account.unknown"), default: t("account.error") }}
              className="space-y-4"
              testId="setup-form"
            >
              <SetupFields minLength={MIN_PASSWORD_LENGTH} />
            </ActionForm>
          </ClientMessages>
        </>
      ) : (
        <div data-testid={`link-${link.state}`}>
          <h1 className="text-3xl font-bold">{t(link.state === "used" ? "account.setupDoneTitle" : `account.${link.state}Title`)}</h1>
          <p className="mt-2">{t(link.state === "used" ? "account.setupDone" : link.state === "expired" ? "account.setupExpired" : "account.unknown")}</p>
          <p className="mt-4"><Link href="/signin" className="font-medium text-brand-800 underline">{t("account.toSignIn")}</Link></p>
        </div>
      )}
    </AccountFrame>
  );
}

async function SetupFields({ minLength }: { minLength: number }) {
  const t = await getTranslations("account");
  return (
    <>
      <TextField id="name" name="name" label={t("name")} autoComplete="name" required maxLength={120} />
      <TextField id="email" name="email" type="email" label={t("email")} autoComplete="username" required maxLength={254} />
      <PasswordFields minLength={minLength} />
    </>
  );
}
