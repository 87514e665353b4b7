"use client";
// One labelled filter of a GET filter form; the empty choice means "all". A client component
// so a long list of options travels as data, not as an element tree as well as HTML.

/** The look of a filter form's inputs. */
export const FILTER_INPUT = "mt-1 block w-full rounded border border-slate-500 bg-white px-2 py-1.5";

export type FilterSelectProps = { name: string; label: string; value: string; all?: string; options: { value: string; label: string }[]; idPrefix?: string };

export function FilterSelect(props: FilterSelectProps) {
  const id = `${props.idPrefix ?? "f"}-${props.name}`;
  return (
    <div>
      <label htmlFor={id} className="font-medium">{props.label}</label>
      <select id={id} name={props.name} defaultValue={props.value} className={FILTER_INPUT}>
        {props.all !== undefined ? <option value="">{props.all}</option> : null}
        {props.options.map((o) => <option key={o.value} value={o.value}>{o.label}</option>)}
      </select>
    </div>
  );
}
