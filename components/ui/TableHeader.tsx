/** A table's column headers, styled alike everywhere; each column may carry its own classes (e.g. text-right). */
export function TableHeader({ columns }: { columns: { label: React.ReactNode; className?: string }[] }) {
  return (
    <thead>
      <tr className="border-b-2 border-slate-400">
        {columns.map((c, index) => (
          <th key={index} scope="col" className={c.className}>
            {c.label}
          </th>
        ))}
      </tr>
    </thead>
  );
}
