import type { Metadata } from "next";
import { getLocale, getTranslations } from "next-intl/server";
import { requireUser } from "@/lib/auth/session";
import { GLOSSARY_TERMS } from "@/components/ui/GlossaryTerms";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("glossary"))("title") };
}

/** The words the product uses, in plain language; pages link to an entry by its anchor. */
export default async function GlossaryPage() {
  await requireUser();
  const [t, locale] = await Promise.all([getTranslations("glossary"), getLocale()]);
  // In the reader's alphabetical order (Swedish: å, ä, ö last).
  const collator = new Intl.Collator(locale);
  const entries = GLOSSARY_TERMS.map((id) => ({ id, term: t(`terms.${id}.term`), text: t(`terms.${id}.text`) })).sort((a, b) => collator.compare(a.term, b.term));
  return (
    <div className="space-y-6">
      <div>
        <h1 className="text-3xl font-bold">{t("title")}</h1>
        <p className="mt-2 max-w-3xl">{t("intro")}</p>
      </div>
      <dl className="max-w-3xl space-y-4" data-testid="glossary">
        {entries.map((e) => (
          <div key={e.id} id={e.id} className="scroll-mt-4 rounded p-2 target:bg-amber-50 target:outline-2 target:outline-amber-700">
            <dt className="text-lg font-semibold">{e.term}</dt>
            <dd className="mt-1">{e.text}</dd>
          </div>
        ))}
      </dl>
    </div>
  );
}
