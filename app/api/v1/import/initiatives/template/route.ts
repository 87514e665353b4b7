import { cookies } from "next/headers";
import { authorize } from "@/lib/auth/policy";
import { LOCALE_COOKIE, toLocale } from "@/lib/i18n/locales";
import { api } from "@/lib/server/api";
import { AppError } from "@/lib/server/errors";
import { importTemplate } from "@/lib/server/import/template";

/** The import template (.csv or .xlsx) with headers in the reader's language and one example row. */
export const GET = api(async ({ request, actor }) => {
  authorize(actor, "data.import");
  const url = new URL(request.url);
  const format = url.searchParams.get("format") ?? "xlsx";
  if (format !== "csv" && format !== "xlsx") throw new AppError("VALIDATION_FAILED", 400, "format must be csv or xlsx", [{ path: "format", message: "invalidOption" }]);
  const locale = toLocale(url.searchParams.get("lang") ?? (await cookies()).get(LOCALE_COOKIE)?.value);
  const file = await importTemplate(locale, format);
  return new Response(new Uint8Array(file.body), { headers: { "content-type": file.contentType, "content-disposition": file.disposition } });
});
