import { LOCALE_COOKIE, toLocale } from "@/lib/i18n/locales";
import { translator } from "@/lib/i18n/translator";
import type { Quadrant } from "@/lib/domain/pios";
import { api } from "@/lib/server/api";
import { AppError } from "@/lib/server/errors";
import { exportInitiatives, type InitiativeListRow } from "@/lib/server/initiatives";
import { contentDisposition, toCsv, toXlsx, type ExportColumn } from "@/lib/server/table-export";
import { parseFilter } from "@/lib/validation/initiative";

/** The list's current filter as CSV or Excel, with headers in the reader's language. */
export const GET = api(async ({ request, actor }) => {
  const url = new URL(request.url);
  const format = url.searchParams.get("format") ?? "csv";
  if (format !== "csv" && format !== "xlsx") throw new AppError("VALIDATION_FAILED", 400, "format must be csv or xlsx", [{ path: "format", message: "invalidOption" }]);
  // Read from the request itself, not next/headers: an API-token caller may run outside Next's request scope.
  const cookie = new RegExp(`(?:^|;\\s*)${LOCALE_COOKIE}=([^;]*)`).exec(request.headers.get("cookie") ?? "")?.[1];
  const locale = toLocale(cookie ?? url.searchParams.get("lang"));
  const t = translator(locale);
  const columns: ExportColumn<InitiativeListRow>[] = [
    { header: t("initiative.fields.number"), value: (r) => r.number, width: 8 },
    { header: t("initiative.fields.title"), value: (r) => r.title, width: 50 },
    { header: t("initiative.fields.status"), value: (r) => t(`status.${r.status}`) },
    { header: t("initiative.fields.ownerDepartment"), value: (r) => r.ownerDepartment.name, width: 30 },
    { header: t("initiative.fields.quadrant"), value: (r) => (r.quadrant ? t(`quadrant.${r.quadrant as Quadrant}`) : "") },
    { header: t("initiative.fields.kind"), value: (r) => (r.triage[0] ? t(`kind.${r.triage[0].kind}`) : "") },
    { header: t("initiative.fields.size"), value: (r) => (r.triage[0] ? t(`size.${r.triage[0].size}`) : "") },
    { header: t("initiative.fields.estimatedCostSek"), value: (r) => r.estimatedCostSek },
    { header: t("initiative.fields.estimatedEffortHours"), value: (r) => r.estimatedEffortHours },
    { header: t("initiative.fields.desiredStartQuarter"), value: (r) => r.desiredStartQuarter },
    { header: t("initiative.fields.program"), value: (r) => r.program?.name ?? "" },
    { header: t("initiative.fields.updatedAt"), value: (r) => r.updatedAt },
  ];
  const rows: InitiativeListRow[] = [];
  for await (const row of exportInitiatives(actor, parseFilter(url.searchParams))) rows.push(row);
  const name = `${t("initiative.exportFileName")}-${new Date().toISOString().slice(0, 10)}`;
  if (format === "csv") {
    return new Response(toCsv(columns, rows), {
      headers: { "content-type": "text/csv; charset=utf-8", "content-disposition": contentDisposition(`${name}.csv`) },
    });
  }
  const body = await toXlsx(columns, rows, { sheetName: t("initiative.listTitle") });
  return new Response(new Uint8Array(body), {
    headers: { "content-type": "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", "content-disposition": contentDisposition(`${name}.xlsx`) },
  });
});
