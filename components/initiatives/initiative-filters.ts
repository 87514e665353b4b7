// The filters the initiative list and the portfolio ranking share, worded for FilterForm.
import type { getTranslations } from "next-intl/server";
import type { FilterSelectProps } from "@/components/ui/FilterSelect";
import { QUADRANTS } from "@/lib/domain/pios";
import type { InitiativeFilter } from "@/lib/validation/initiative";

type Translate = Awaited<ReturnType<typeof getTranslations>>;
/** Filters find old records too: every department and goal, also deactivated ones. */
type Options = {
  allDepartments: { id: string; name: string }[];
  allGoals: { id: string; code: string; title: string }[];
  programs: { id: string; name: string }[];
};
type Filter = Partial<Pick<InitiativeFilter, "department" | "quadrant" | "kind" | "size" | "goal" | "program">>;

/** Department, quadrant, kind, size, goal and program; `extra` selects go in after the department. */
export function initiativeFilterSelects(t: Translate, options: Options, filter: Filter, extra: FilterSelectProps[] = []): FilterSelectProps[] {
  const all = t("initiative.filters.all");
  return [
    { name: "department", label: t("initiative.fields.ownerDepartment"), value: filter.department ?? "", all: t("initiative.filters.allDepartments"), options: options.allDepartments.map((d) => ({ value: d.id, label: d.name })) },
    ...extra,
    { name: "quadrant", label: t("initiative.fields.quadrant"), value: filter.quadrant ?? "", all, options: QUADRANTS.map((v) => ({ value: v, label: t(`quadrant.${v}`) })) },
    { name: "kind", label: t("initiative.fields.kind"), value: filter.kind ?? "", all, options: (["INFRASTRUCTURE", "BUSINESS_DEVELOPMENT"] as const).map((v) => ({ value: v, label: t(`kind.${v}`) })) },
    { name: "size", label: t("initiative.fields.size"), value: filter.size ?? "", all, options: (["SMALL", "MEDIUM", "LARGE"] as const).map((v) => ({ value: v, label: t(`size.${v}`) })) },
    { name: "goal", label: t("initiative.fields.goals"), value: filter.goal ?? "", all, options: options.allGoals.map((g) => ({ value: g.id, label: `${g.code} ${g.title}` })) },
    { name: "program", label: t("initiative.fields.program"), value: filter.program ?? "", all, options: options.programs.map((p) => ({ value: p.id, label: p.name })) },
  ];
}

// Few people filter by these; they fold under "More filters" (FilterForm's `more`).
const RARELY_USED = new Set(["kind", "size", "goal", "program", "quadrant"]);

/**
 * The selects split for FilterForm: the often used ones in view, the rest folded, with the
 * summary saying how many of those are set. `keep` names rarely used ones a page keeps in view.
 */
export function splitFilters(t: Translate, selects: FilterSelectProps[], keep: string[] = []) {
  const folded = (s: FilterSelectProps) => RARELY_USED.has(s.name) && !keep.includes(s.name);
  const more = selects.filter(folded);
  return {
    selects: selects.filter((s) => !folded(s)),
    more: { label: t("initiative.filters.more", { count: more.filter((s) => s.value !== "").length }), selects: more },
  };
}
