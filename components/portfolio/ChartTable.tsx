"use client";
// The table alternative of a chart, behind "Show as a table". It renders from strings the
// server has already formatted: as a server component each table was also sent as an RSC
// element tree, which cost the portfolio page more than the HTML itself.
import Link from "next/link";
import { TableHeader } from "@/components/ui/TableHeader";

export type ChartTableColumn = { label: string; numeric?: boolean };
/** The first value heads the row, as a link when `href` is given. */
export type ChartTableRow = { key: string; values: string[]; href?: string };

export function ChartTable({ caption, showLabel, columns, rows }: { caption: string; showLabel: string; columns: ChartTableColumn[]; rows: ChartTableRow[] }) {
  const cell = (numeric?: boolean) => `py-1 pr-3${numeric ? " text-right tabular-nums" : ""}`;
  return (
    <details>
      <summary className="cursor-pointer font-medium text-brand-800 underline">{showLabel}</summary>
      <div className="mt-2 overflow-x-auto">
        <table className="w-full text-left text-sm">
          <caption className="sr-only">{caption}</caption>
          <TableHeader columns={columns.map((c) => ({ label: c.label, className: c.numeric ? "py-1 pr-3 text-right" : "py-1 pr-3" }))} />
          <tbody>
            {rows.map(({ key, href, values: [head, ...rest] }) => (
              <tr key={key} className="border-b border-slate-200">
                <th scope="row" className="py-1 pr-3 font-normal">{href ? <Link href={href} className="text-brand-800 underline">{head}</Link> : head}</th>
                {rest.map((value, i) => <td key={i} className={cell(columns[i + 1]?.numeric)}>{value}</td>)}
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </details>
  );
}
