import "server-only";
import { getTranslations } from "next-intl/server";
import type { FollowUpListItem } from "@/lib/server/benefits";
import { formatLocale } from "@/lib/i18n/locales";
import type { FollowUpRow } from "@/components/benefits/FollowUpTable";

/** Follow-ups worded for a table in the reader's language: the overview and the full list share it. */
export async function wordFollowUps(locale: string): Promise<{ rows: (list: FollowUpListItem[]) => FollowUpRow[]; columns: Record<"initiative" | "department" | "benefit" | "owner" | "due" | "state", string> }> {
  const t = await getTranslations("benefits");
  const dates = new Intl.DateTimeFormat(formatLocale(locale), { dateStyle: "medium", timeZone: "UTC" });
  return {
    rows: (list) =>
      list.map((f) => ({
        id: f.id, href: `/initiatives/${f.initiative.id}#benefit-plan`, initiative: `#${f.initiative.number} ${f.initiative.title}`, department: f.initiative.department,
        benefit: `${f.benefit.description} (${t("followUp.months", { months: f.offsetMonths })})`, owner: f.benefit.ownerName ?? t("noOwner"),
        due: dates.format(f.dueAt), state: f.state, stateLabel: t(`state.${f.state}`),
      })),
    columns: { initiative: t("columns.initiative"), department: t("columns.department"), benefit: t("columns.benefit"), owner: t("columns.owner"), due: t("columns.due"), state: t("columns.state") },
  };
}
