import { LOCALE_COOKIE, toLocale } from "@/lib/i18n/locales";
import { translator } from "@/lib/i18n/translator";
import { realisedShare } from "@/lib/domain/benefits";
import { api } from "@/lib/server/api";
import { realisationSummary } from "@/lib/server/benefits";
import { AppError } from "@/lib/server/errors";
import { searchObject } from "@/lib/server/query";
import { contentDisposition, toCsv, toXlsx, type ExportColumn } from "@/lib/server/table-export";

/** Realised against planned benefit as CSV or Excel, with headers in the reader's language. */
export const GET = api(async ({ request, actor }) => {
  const { format = "csv", lang, ...query } = searchObject(request);
  if (format !== "csv" && format !== "xlsx") throw new AppError("VALIDATION_FAILED", 400, "format must be csv or xlsx", [{ path: "format", message: "invalidOption" }]);
  const summary = await realisationSummary(actor, query);
  // Read from the request itself, not next/headers: an API-token caller may run outside Next's request scope.
  const cookie = new RegExp(`(?:^|;\\s*)${LOCALE_COOKIE}=([^;]*)`).exec(request.headers.get("cookie") ?? "")?.[1];
  const t = translator(toLocale(cookie ?? lang));
  type Row = (typeof summary.rows)[number];
  const groupLabel = (r: Row) => (summary.groupBy === "quadrant" && r.key ? t(`quadrant.${r.key}` as never) : r.label || t("benefits.ungrouped"));
  const columns: ExportColumn<Row>[] = [
    { header: t(`benefits.groupBy.${summary.groupBy}`), value: groupLabel, width: 40 },
    { header: t("benefits.columns.plannedSek"), value: (r) => r.plannedSek },
    { header: t("benefits.columns.realisedSek"), value: (r) => r.realisedSek },
    { header: t("benefits.columns.sharePercent"), value: (r) => realisedShare(r.realisedSek, r.plannedSek) },
    { header: t("benefits.columns.plannedHours"), value: (r) => r.plannedHours },
    { header: t("benefits.columns.realisedHours"), value: (r) => r.realisedHours },
    { header: t("benefits.columns.benefits"), value: (r) => r.benefits },
    { header: t("benefits.columns.measured"), value: (r) => r.measured },
    { header: t("benefits.columns.followUpsDue"), value: (r) => r.followUpsDue },
    { header: t("benefits.columns.followUpsOnTime"), value: (r) => r.followUpsOnTime },
  ];
  const name = `${t("benefits.exportFileName")}-${new Date().toISOString().slice(0, 10)}`;
  if (format === "csv") return new Response(toCsv(columns, summary.rows), { headers: { "content-type": "text/csv; charset=utf-8", "content-disposition": contentDisposition(`${name}.csv`) } });
  const body = await toXlsx(columns, summary.rows, { sheetName: t("benefits.realisationTitle").slice(0, 31) });
  return new Response(new Uint8Array(body), { headers: { "content-type": "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", "content-disposition": contentDisposition(`${name}.xlsx`) } });
});
