"use client";
import { signOut } from "next-auth/react";

export function SignOutButton({ label }: { label: string }) {
  return (
    <button
      type="button"
      onClick={() => signOut({ callbackUrl: "/signin" })}
      className="rounded border border-slate-400 px-3 py-1 text-sm text-slate-800 hover:bg-slate-100"
    >
      {label}
    </button>
  );
}
