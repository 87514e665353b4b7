// Numbers on the charts' axes and in their tooltips as the reader writes them
// (sv: "3 600", "47 %"; en: "3,600", "47%").
import { formatLocale } from "@/lib/i18n/locales";

export function chartFormats(locale: string) {
  const number = new Intl.NumberFormat(formatLocale(locale), { maximumFractionDigits: 1 });
  const percent = new Intl.NumberFormat(formatLocale(locale), { style: "percent", maximumFractionDigits: 1 });
  return {
    number: (value: number) => number.format(value),
    /** A share given in percent (0–100). */
    percent: (value: number) => percent.format(value / 100),
  };
}
