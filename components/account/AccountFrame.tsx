import { getTranslations } from "next-intl/server";
import { LanguageSwitch } from "@/components/layout/LanguageSwitch";
import { SkipLink } from "@/components/layout/SkipLink";

/** The frame of the pages a person reaches signed out (sign-in, setup, one-time links). */
export async function AccountFrame({ languageAction, children }: { languageAction: (form: FormData) => Promise<void>; children: React.ReactNode }) {
  const t = await getTranslations();
  return (
    <>
      <SkipLink label={t("app.skipToContent")} />
      <header className="border-b border-slate-300 bg-brand-50">
        <div className="mx-auto flex max-w-md items-center justify-between px-4 py-3">
          <p className="text-xl font-bold text-brand-800">{t("app.name")}</p>
          <LanguageSwitch action={languageAction} />
        </div>
      </header>
      <main id="main" tabIndex={-1} className="mx-auto max-w-md space-y-6 px-4 py-10">
        {children}
      </main>
    </>
  );
}
