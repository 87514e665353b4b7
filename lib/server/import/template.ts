import "server-only";
import type { Locale } from "@/lib/i18n/locales";
import { translator } from "@/lib/i18n/translator";
import { IMPORT_FIELDS, type ImportField } from "@/lib/validation/data";
import { contentDisposition, toCsv, toXlsx, type ExportColumn } from "../table-export";

const NUMERIC: readonly ImportField[] = ["estimatedCostSek", "estimatedEffortHours", "reachCount"];

/** The import template: every column's header in the reader's language and one example row. */
export async function importTemplate(locale: Locale, format: "csv" | "xlsx"): Promise<{ body: Uint8Array; contentType: string; disposition: string }> {
  const t = translator(locale);
  const columns: ExportColumn<ImportField[]>[] = IMPORT_FIELDS.map((field) => ({
    header: t(`data.columns.${field}`),
    value: () => {
      const example = t.has(`data.templateExample.${field}` as never) ? t(`data.templateExample.${field}` as never) : "";
      return NUMERIC.includes(field) && example !== "" ? Number(example) : example;
    },
  }));
  const name = t("data.templateFileName");
  if (format === "csv") {
    return { body: new TextEncoder().encode(toCsv(columns, [[...IMPORT_FIELDS]])), contentType: "text/csv; charset=utf-8", disposition: contentDisposition(`${name}.csv`) };
  }
  const body = await toXlsx(columns, [[...IMPORT_FIELDS]], { sheetName: t("data.templateSheet") });
  return { body: new Uint8Array(body), contentType: "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", disposition: contentDisposition(`${name}.xlsx`) };
}
