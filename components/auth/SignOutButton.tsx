/** A plain form: signing out works the moment the page is there, scripts or not (a shared computer). */
export function SignOutButton({ label, action }: { label: string; action: () => Promise<void> }) {
  return (
    <form action={action}>
      <button type="submit" className="rounded border border-slate-400 px-3 py-1 text-sm text-slate-800 hover:bg-slate-100">
        {label}
      </button>
    </form>
  );
}
