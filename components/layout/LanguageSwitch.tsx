import { getTranslations } from "next-intl/server";

/** A plain form, so switching language works without JavaScript too. */
export async function LanguageSwitch({ action }: { action: (formData: FormData) => Promise<void> }) {
  const t = await getTranslations("language");
  const target = t("switchToLang");
  return (
    <form action={action}>
      <input type="hidden" name="locale" value={target} />
      <button
        type="submit"
        lang={target}
        className="rounded border border-slate-400 px-3 py-1 text-sm text-slate-800 hover:bg-slate-100"
      >
        {t("switchTo")}
      </button>
    </form>
  );
}
