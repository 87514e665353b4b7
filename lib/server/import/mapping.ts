// Which column of the file fills which field: suggested from the headers (Swedish or
// English, the template's own headers included), or the mapping the user used last time.
import { normaliseLabel } from "@/lib/domain/import-values";
import { translator } from "@/lib/i18n/translator";
import { IMPORT_FIELDS, type ImportField, type ImportMapping } from "@/lib/validation/data";

/** Header words besides the template's headers and the form's labels. */
const SYNONYMS: Record<ImportField, string[]> = {
  title: ["titel", "rubrik", "namn", "initiativ", "title", "name", "initiative", "headline"],
  need: ["behov", "beskrivning", "problem", "need", "description", "problem description"],
  department: ["förvaltning", "förvaltning/bolag", "bolag", "verksamhet", "ägare", "organisation", "department", "owner", "organisation", "organization", "owner department"],
  benefitRecipient: ["nyttomottagare", "nytta för", "mottagare", "intern/extern", "benefit recipient", "recipient", "beneficiary", "internal/external"],
  nature: ["karaktär", "typ av förändring", "effektivisering/innovation", "nature", "kind of change", "efficiency/innovation"],
  estimatedCostSek: ["kostnad", "kostnad (kr)", "kostnad kr", "uppskattad kostnad", "cost", "cost (sek)", "estimated cost", "budget"],
  estimatedEffortHours: ["insats", "insats (timmar)", "timmar", "arbetsinsats", "effort", "effort (hours)", "hours", "estimated effort"],
  desiredStartQuarter: ["önskad start", "start", "startkvartal", "önskat startkvartal", "desired start", "start quarter", "desired start quarter"],
  status: ["status", "läge", "state"],
  contactPerson: ["kontaktperson", "kontakt", "contact person", "contact"],
  reachDescription: ["målgrupp", "vilka når initiativet", "räckvidd", "reach", "target group", "audience"],
  reachCount: ["antal", "räckvidd (antal)", "antal berörda", "reach (count)", "reach count", "number reached"],
  dependencies: ["beroenden", "dependencies"],
  isReplacement: ["ersättningsinvestering", "ersätter system", "replacement", "replacement investment"],
  replacesSystem: ["ersatt system", "system som ersätts", "replaced system", "replaces system"],
  enablesDevelopment: ["möjliggör", "verksamhetsutveckling", "enables", "enables development"],
};

/** Form labels whose field in the form is a different name from the import's. */
const FORM_LABEL: Partial<Record<ImportField, string>> = { department: "ownerDepartment" };
const [tsv, ten] = [translator("sv"), translator("en")];

function namesOf(field: ImportField): string[] {
  const label = `initiative.fields.${FORM_LABEL[field] ?? field}` as never;
  const own = [tsv(`data.columns.${field}` as never), ten(`data.columns.${field}` as never), ...SYNONYMS[field]];
  const form = tsv.has(label) ? [tsv(label), ten(label)] : [];
  return [...own, ...form].map(normaliseLabel);
}

/**
 * A mapping for these headers: the remembered one where its header is still in the file,
 * else an exact header match, else a header that starts with one of the field's names.
 * Each header fills at most one field.
 */
export function suggestMapping(headers: string[], remembered: ImportMapping = {}): Record<ImportField, string | null> {
  const result = Object.fromEntries(IMPORT_FIELDS.map((f) => [f, null])) as Record<ImportField, string | null>;
  const used = new Set<string>();
  const available = headers.filter((h) => h.trim() !== "");
  for (const field of IMPORT_FIELDS) {
    const header = remembered[field];
    if (header && available.includes(header) && !used.has(header)) {
      result[field] = header;
      used.add(header);
    }
  }
  const passes: Array<(header: string, name: string) => boolean> = [(h, n) => h === n, (h, n) => h.startsWith(`${n} `)];
  for (const matches of passes) {
    for (const field of IMPORT_FIELDS) {
      if (result[field] !== null || remembered[field] === null) continue;
      const names = namesOf(field);
      const header = available.find((h) => !used.has(h) && names.some((n) => n !== "" && matches(normaliseLabel(h), n)));
      if (header) {
        result[field] = header;
        used.add(header);
      }
    }
  }
  return result;
}
