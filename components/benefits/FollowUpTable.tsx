"use client";
// A client component: the rows travel once, as data, not also as an element tree beside the HTML.
// Plain links: next/link would prefetch every row in view.
import { TableHeader } from "@/components/ui/TableHeader";
import { FollowUpBadge } from "./FollowUpBadge";

export type FollowUpRow = { id: string; href: string; initiative: string; department: string; benefit: string; owner: string; due: string; state: "done" | "upcoming" | "due" | "overdue"; stateLabel: string };

/** Follow-ups to answer: which initiative and benefit, whose, when due, and how late. */
export function FollowUpTable({ caption, rows, columns, testId }: { caption: string; rows: FollowUpRow[]; columns: { initiative: string; department: string; benefit: string; owner: string; due: string; state: string }; testId: string }) {
  const cell = "py-1 pr-3 align-top";
  return (
    <div className="overflow-x-auto">
      <table className="w-full text-left text-sm" data-testid={testId}>
        <caption className="sr-only">{caption}</caption>
        <TableHeader columns={[columns.initiative, columns.department, columns.benefit, columns.owner, columns.due, columns.state].map((label) => ({ label, className: cell }))} />
        <tbody>
          {rows.map((r) => (
            <tr key={r.id} className="border-b border-slate-200">
              <th scope="row" className={`${cell} font-normal`}><a href={r.href} className="text-brand-800 underline">{r.initiative}</a></th>
              <td className={cell}>{r.department}</td>
              <td className={cell}>{r.benefit}</td>
              <td className={cell}>{r.owner}</td>
              <td className={`${cell} whitespace-nowrap`}>{r.due}</td>
              <td className={cell}><FollowUpBadge state={r.state} label={r.stateLabel} /></td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
