// From a table and a column mapping to the initiatives to create, or to the problems
// per row (row number + field + i18n message key). No database: the caller passes the
// departments and the titles that already exist. Values are checked by the same zod
// schemas as the form (lib/validation/initiative.ts).
import { cellText, normaliseLabel, parseChoice, parseQuarter, parseWholeNumber, parseYesNo, type Parsed } from "@/lib/domain/import-values";
import { labels } from "@/lib/i18n/translator";
import { IMPORT_FIELDS, REQUIRED_IMPORT_FIELDS, type ImportField, type ImportIssue, type ImportMapping } from "@/lib/validation/data";
import { BENEFIT_RECIPIENTS, INITIATIVE_STATUSES, NATURES, initiativeFields, submittable } from "@/lib/validation/initiative";
import type { Table } from "./parse";

type Status = (typeof INITIATIVE_STATUSES)[number];

/** Rows without a status column (or with an empty cell) become drafts; see data.importRules. */
export const DEFAULT_IMPORT_STATUS: Status = "DRAFT";

export type DepartmentRef = { id: string; name: string; shortName: string };

/** What one row will store. */
export type ImportCandidate = {
  row: number;
  departmentName: string;
  data: {
    title: string;
    need: string;
    ownerDepartmentId: string;
    benefitRecipient: (typeof BENEFIT_RECIPIENTS)[number] | null;
    nature: (typeof NATURES)[number] | null;
    reachDescription: string | null;
    reachCount: number | null;
    estimatedCostSek: number | null;
    estimatedEffortHours: number | null;
    desiredStartQuarter: string | null;
    dependencies: string | null;
    contactPerson: string | null;
    isReplacement: boolean;
    replacesSystem: string | null;
    enablesDevelopment: string | null;
    status: Status;
  };
};

const labelsOf = <K extends string>(keys: readonly K[], sv: Record<K, string>, en: Record<K, string>, extra: Partial<Record<K, string[]>> = {}) =>
  Object.fromEntries(keys.map((k) => [k, [sv[k], en[k], ...(extra[k] ?? [])]])) as Record<K, string[]>;

const RECIPIENT_NAMES = labelsOf(BENEFIT_RECIPIENTS, labels("sv", "benefitRecipient", BENEFIT_RECIPIENTS), labels("en", "benefitRecipient", BENEFIT_RECIPIENTS), {
  INTERNAL: ["intern", "internal", "intern nytta", "internal benefit", "organisationen"],
  EXTERNAL: ["extern", "external", "extern nytta", "external benefit", "invånare"],
});
const NATURE_NAMES = labelsOf(NATURES, labels("sv", "nature", NATURES), labels("en", "nature", NATURES), {
  EFFICIENCY: ["effektivisering", "effektivitet", "efficiency", "exploit"],
  INNOVATION: ["innovation", "förnyelse", "explore"],
});
const STATUS_NAMES = labelsOf(INITIATIVE_STATUSES, labels("sv", "status", INITIATIVE_STATUSES), labels("en", "status", INITIATIVE_STATUSES), {
  SUBMITTED: ["inlämnad"],
  NEEDS_INFO: ["komplettering", "needs info"],
  APPROVED: ["beslutad", "godkänd", "approved"],
  IN_PROGRESS: ["pågår", "startad", "started"],
  DONE: ["klar", "genomförd", "done", "completed"],
  DEFERRED: ["vilande", "deferred", "on hold"],
});

/** Problems with the mapping itself: required fields unmapped, unknown or twice-used columns. */
export function mappingIssues(headers: string[], mapping: ImportMapping): ImportIssue[] {
  const issues: ImportIssue[] = [];
  const seen = new Map<string, ImportField>();
  for (const field of IMPORT_FIELDS) {
    const header = mapping[field];
    if (!header) {
      if (REQUIRED_IMPORT_FIELDS.includes(field)) issues.push({ row: 0, field, message: "missingColumn" });
      continue;
    }
    if (!headers.includes(header)) issues.push({ row: 0, field, message: "unknownColumn" });
    else if (seen.has(header)) issues.push({ row: 0, field, message: "columnUsedTwice" });
    else seen.set(header, field);
  }
  return issues;
}

const normalisedTitle = (title: string) => title.trim().replace(/\s+/g, " ").toLocaleLowerCase("sv");

/** Same title (any case, any spacing) in the same department. */
export const duplicateKey = (departmentId: string, title: string) => `${departmentId}\u0000${normalisedTitle(title)}`;

/**
 * The ASCII letters and digits of a title's duplicateKey text, in order. Equal keys always have
 * equal skeletons, so the database can narrow the existing titles down to those that may collide
 * (an index on the same expression, see TITLE_SKELETON_SQL) and duplicateKey decides among them.
 * The database's lower() cannot do it: its result depends on the server's locale (under "C" it
 * leaves Å as it is). toLocaleLowerCase turns only A–Z, İ (U+0130) and the Kelvin sign (U+212A)
 * into ASCII letters or digits, so the SQL maps exactly those, with translate().
 */
export const titleSkeleton = (title: string) => normalisedTitle(title).replace(/[^0-9a-z]/g, "");

/** titleSkeleton in SQL, of the column "title"; the same text as the index in the migration. */
export const TITLE_SKELETON_SQL = `regexp_replace(translate("title", U&'ABCDEFGHIJKLMNOPQRSTUVWXYZ\\0130\\212A', 'abcdefghijklmnopqrstuvwxyzik'), '[^0123456789abcdefghijklmnopqrstuvwxyz]', '', 'g')`;

/**
 * Every row's title cell as validateRows reads it, for looking up the stored titles it may
 * collide with before validating. The title's validation only trims it, which leaves its
 * skeleton as it is.
 */
export function titleCells(table: Table, mapping: ImportMapping): string[] {
  const column = mapping.title ? table.headers.indexOf(mapping.title) : -1;
  return column < 0 ? [] : table.rows.map(({ cells }) => cellText(cells[column] ?? "")).filter((t) => t !== "");
}

// zod paths of initiativeFields → the import's field names.
const FIELD_OF_PATH: Record<string, ImportField> = { ownerDepartmentId: "department" };

/**
 * Checks every row. Returns the candidates (all rows, when there are no issues) and the
 * issues in row order. Existing titles are keys from duplicateKey().
 */
export function validateRows(
  table: Table,
  mapping: ImportMapping,
  context: { departments: DepartmentRef[]; existing: Set<string> },
): { candidates: ImportCandidate[]; issues: ImportIssue[] } {
  const columnOf = new Map<ImportField, number>();
  for (const field of IMPORT_FIELDS) {
    const header = mapping[field];
    if (header) columnOf.set(field, table.headers.indexOf(header));
  }
  const departmentByName = new Map<string, DepartmentRef>();
  for (const d of context.departments) {
    departmentByName.set(normaliseLabel(d.shortName), d);
  }
  // Full names win over short names where they collide.
  for (const d of context.departments) departmentByName.set(normaliseLabel(d.name), d);

  const candidates: ImportCandidate[] = [];
  const issues: ImportIssue[] = [];
  const firstRowOf = new Map<string, number>();

  for (const { row, cells } of table.rows) {
    const raw = (field: ImportField) => {
      const column = columnOf.get(field);
      return column === undefined || column < 0 ? "" : (cells[column] ?? "");
    };
    const rowIssues: ImportIssue[] = [];
    const take = <T>(field: ImportField, parsed: Parsed<T>, fallback: T): T => {
      if (parsed.ok) return parsed.value;
      rowIssues.push({ row, field, message: parsed.message });
      return fallback;
    };

    const departmentText = cellText(raw("department"));
    const department = departmentText ? departmentByName.get(normaliseLabel(departmentText)) : undefined;
    if (!departmentText) rowIssues.push({ row, field: "department", message: "required" });
    else if (!department) rowIssues.push({ row, field: "department", message: "unknownDepartment" });

    const status = take("status", parseChoice(raw("status"), STATUS_NAMES), null) ?? DEFAULT_IMPORT_STATUS;
    const fields = {
      title: cellText(raw("title")),
      need: cellText(raw("need")),
      ownerDepartmentId: department?.id ?? "unknown",
      benefitRecipient: take("benefitRecipient", parseChoice(raw("benefitRecipient"), RECIPIENT_NAMES), null),
      nature: take("nature", parseChoice(raw("nature"), NATURE_NAMES), null),
      reachDescription: cellText(raw("reachDescription")),
      reachCount: take("reachCount", parseWholeNumber(raw("reachCount")), null),
      estimatedCostSek: take("estimatedCostSek", parseWholeNumber(raw("estimatedCostSek")), null),
      estimatedEffortHours: take("estimatedEffortHours", parseWholeNumber(raw("estimatedEffortHours")), null),
      desiredStartQuarter: take("desiredStartQuarter", parseQuarter(raw("desiredStartQuarter")), null),
      dependencies: cellText(raw("dependencies")),
      contactPerson: cellText(raw("contactPerson")),
      isReplacement: take("isReplacement", parseYesNo(raw("isReplacement")), null) ?? false,
      replacesSystem: cellText(raw("replacesSystem")),
      enablesDevelopment: cellText(raw("enablesDevelopment")),
    };

    if (!fields.title) rowIssues.push({ row, field: "title", message: "required" });
    const flagged = new Set(rowIssues.map((i) => i.field));
    const checked = initiativeFields.safeParse(fields);
    if (!checked.success) {
      for (const issue of checked.error.issues) {
        const path = String(issue.path[0] ?? "");
        const field = FIELD_OF_PATH[path] ?? (path as ImportField);
        if (flagged.has(field)) continue;
        flagged.add(field);
        rowIssues.push({ row, field, message: /^[a-zA-Z]+$/.test(issue.message) ? issue.message : "invalid" });
      }
    }
    // Beyond a draft, the row must hold what submission requires.
    if (status !== "DRAFT") {
      const ready = submittable.safeParse(fields);
      if (!ready.success) {
        for (const issue of ready.error.issues) {
          const field = FIELD_OF_PATH[String(issue.path[0])] ?? (String(issue.path[0]) as ImportField);
          if (flagged.has(field)) continue;
          flagged.add(field);
          rowIssues.push({ row, field, message: issue.message === "required" || issue.message === "chooseOne" ? "requiredUnlessDraft" : issue.message });
        }
      }
    }

    if (department && checked.success) {
      const key = duplicateKey(department.id, checked.data.title);
      const first = firstRowOf.get(key);
      if (first !== undefined) rowIssues.push({ row, field: "title", message: "duplicateInFile", params: { row: first } });
      else {
        firstRowOf.set(key, row);
        if (context.existing.has(key)) rowIssues.push({ row, field: "title", message: "duplicateExisting" });
      }
    }

    if (rowIssues.length || !checked.success || !department) {
      issues.push(...rowIssues.sort((a, b) => IMPORT_FIELDS.indexOf(a.field as ImportField) - IMPORT_FIELDS.indexOf(b.field as ImportField)));
      continue;
    }
    const data = checked.data;
    candidates.push({
      row,
      departmentName: department.name,
      data: {
        title: data.title,
        need: data.need ?? "",
        ownerDepartmentId: department.id,
        benefitRecipient: data.benefitRecipient ?? null,
        nature: data.nature ?? null,
        reachDescription: data.reachDescription ?? null,
        reachCount: data.reachCount ?? null,
        estimatedCostSek: data.estimatedCostSek ?? null,
        estimatedEffortHours: data.estimatedEffortHours ?? null,
        desiredStartQuarter: data.desiredStartQuarter ?? null,
        dependencies: data.dependencies ?? null,
        contactPerson: data.contactPerson ?? null,
        isReplacement: data.isReplacement,
        replacesSystem: data.replacesSystem ?? null,
        enablesDevelopment: data.enablesDevelopment ?? null,
        status,
      },
    });
  }
  return { candidates, issues };
}
