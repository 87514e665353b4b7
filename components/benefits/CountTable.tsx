"use client";
// A small table of counts (overdue follow-ups per department or per owner), from data.
import { TableHeader } from "@/components/ui/TableHeader";

export function CountTable({ caption, columns, rows, testId }: { caption: string; columns: [string, string]; rows: readonly (readonly [string, string])[]; testId: string }) {
  return (
    <table className="w-full text-left text-sm" data-testid={testId}>
      <caption className="text-left font-semibold">{caption}</caption>
      <TableHeader columns={[{ label: columns[0], className: "py-1 pr-3" }, { label: columns[1], className: "py-1 text-right" }]} />
      <tbody>
        {rows.map(([name, count]) => (
          <tr key={name} className="border-b border-slate-200"><th scope="row" className="py-1 pr-3 font-normal">{name}</th><td className="py-1 text-right tabular-nums">{count}</td></tr>
        ))}
      </tbody>
    </table>
  );
}
