"use client";
// The audit log's events, each opening to its changed fields. A client component so that the
// page sends the events once, as data, rather than as an element tree beside the HTML.

export type AuditRow = { id: string; at: string; actor: string; action: string; entity: string; changes: [field: string, before: string, after: string][] | null };

export function AuditEventList(props: { events: AuditRow[]; labels: { list: string; before: string; after: string; nothing: string } }) {
  return (
    <ol className="space-y-2" data-testid="audit-events" aria-label={props.labels.list}>
      {props.events.map((e) => (
        <li key={e.id} className="rounded border border-slate-300 p-3" data-testid="audit-event">
          <details>
            <summary className="cursor-pointer">
              <span className="font-medium">{e.at}</span>
              {" · "}
              <span>{e.actor}</span>
              {" · "}
              <span className="font-mono">{e.action}</span>
              {" · "}
              <span>{e.entity}</span>
            </summary>
            <div className="mt-2">
              {e.changes === null ? (
                <p>{props.labels.nothing}</p>
              ) : (
                <ul className="space-y-1 text-sm">
                  {e.changes.map(([field, before, after]) => (
                    <li key={field} className="break-all">
                      {field ? <><code className="font-semibold">{field}</code>{": "}</> : null}
                      <span className="sr-only">{props.labels.before} </span>
                      <span className="font-mono">{before}</span>
                      <span aria-hidden="true"> → </span>
                      <span className="sr-only"> {props.labels.after} </span>
                      <span className="font-mono">{after}</span>
                    </li>
                  ))}
                </ul>
              )}
            </div>
          </details>
        </li>
      ))}
    </ol>
  );
}
