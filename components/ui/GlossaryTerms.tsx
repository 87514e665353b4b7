import Link from "next/link";
import { getTranslations } from "next-intl/server";

export type GlossaryTerm = "pios" | "targetBalance" | "percentagePoints" | "benefitScore" | "triage" | "tracks" | "delegation" | "needsInfo" | "replacement" | "hygiene" | "pools" | "capacity" | "load" | "wip" | "borrowed" | "backlog" | "reinforcement" | "fte" | "equity" | "benefitRealisation" | "certainty" | "program" | "meeting" | "dig" | "quarter" | "scenario" | "optimiser" | "gap";

/** The glossary's terms, in the order the page lists them (each entry's anchor is its key). */
export const GLOSSARY_TERMS: GlossaryTerm[] = ["pios", "targetBalance", "percentagePoints", "benefitScore", "triage", "tracks", "delegation", "needsInfo", "replacement", "hygiene", "pools", "capacity", "load", "wip", "borrowed", "backlog", "reinforcement", "fte", "equity", "benefitRealisation", "certainty", "program", "meeting", "dig", "quarter", "scenario", "optimiser", "gap"];

/**
 * One line under a page's introduction linking the words on the page that need explaining
 * to their entries in the glossary, each link named by the term itself. Plain links: no
 * tooltip to hover, nothing that needs JavaScript.
 */
export async function GlossaryTerms({ terms }: { terms: GlossaryTerm[] }) {
  const t = await getTranslations("glossary");
  return (
    <p className="text-sm text-slate-700" data-testid="glossary-terms">
      {t("explained")}{" "}
      {terms.map((term, i) => (
        <span key={term}>
          <Link href={`/glossary#${term}`} className="font-medium text-brand-800 underline">{t(`terms.${term}.term`)}</Link>
          {i < terms.length - 1 ? ", " : "."}
        </span>
      ))}
    </p>
  );
}
