// One audit event's before and after, field by field, as the stored JSON values.
const show = (value: unknown) => (value === undefined ? "–" : value === null ? "null" : typeof value === "string" ? value : JSON.stringify(value));

function fields(before: unknown, after: unknown): string[] {
  const keys = new Set<string>();
  for (const side of [before, after]) if (side && typeof side === "object" && !Array.isArray(side)) for (const k of Object.keys(side)) keys.add(k);
  return [...keys];
}

export function AuditChange(props: { before: unknown; after: unknown; labels: { field: string; before: string; after: string; caption: string; nothing: string } }) {
  const keys = fields(props.before, props.after);
  const value = (side: unknown, key: string) => (side && typeof side === "object" && !Array.isArray(side) ? (side as Record<string, unknown>)[key] : undefined);
  if (keys.length === 0) {
    if (props.before == null && props.after == null) return <p>{props.labels.nothing}</p>;
    return (
      <dl className="grid grid-cols-[auto_1fr] gap-x-3">
        <dt className="font-medium">{props.labels.before}</dt><dd className="break-all font-mono">{show(props.before ?? undefined)}</dd>
        <dt className="font-medium">{props.labels.after}</dt><dd className="break-all font-mono">{show(props.after ?? undefined)}</dd>
      </dl>
    );
  }
  return (
    <table className="w-full text-left text-sm">
      <caption className="sr-only">{props.labels.caption}</caption>
      <thead>
        <tr className="border-b border-slate-300">
          <th scope="col" className="py-1 pr-3">{props.labels.field}</th>
          <th scope="col" className="py-1 pr-3">{props.labels.before}</th>
          <th scope="col" className="py-1 pr-3">{props.labels.after}</th>
        </tr>
      </thead>
      <tbody>
        {keys.map((k) => (
          <tr key={k} className="border-b border-slate-100">
            <th scope="row" className="py-1 pr-3 font-mono font-normal">{k}</th>
            <td className="break-all py-1 pr-3 font-mono">{show(value(props.before, k))}</td>
            <td className="break-all py-1 pr-3 font-mono">{show(value(props.after, k))}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
