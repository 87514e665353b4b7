"use client";
// A read-only value to pass on (a token's secret, a one-time link) with a copy button; the
// result of copying is announced.
import { useState } from "react";

export function CopyField(props: { id: string; label: string; value: string; copy: string; copied: string }) {
  const [done, setDone] = useState(false);
  return (
    <>
      <label htmlFor={props.id} className="block font-medium">{props.label}</label>
      <div className="flex flex-wrap gap-2">
        <input id={props.id} readOnly value={props.value} className="block max-w-xl flex-1 rounded border border-slate-500 bg-white px-3 py-2 font-mono text-sm" onFocus={(e) => e.currentTarget.select()} />
        <button
          type="button"
          className="rounded border border-brand-800 bg-white px-3 py-2 font-semibold text-brand-800 hover:bg-brand-50"
          onClick={async () => {
            try {
              await navigator.clipboard.writeText(props.value);
              setDone(true);
            } catch {
              setDone(false);
            }
          }}
        >
          {props.copy}
        </button>
      </div>
      <p role="status" className="text-emerald-900">{done ? props.copied : ""}</p>
    </>
  );
}
