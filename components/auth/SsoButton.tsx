"use client";
import { signIn } from "next-auth/react";

export function SsoButton({ label, callbackUrl }: { label: string; callbackUrl: string }) {
  return (
    <button type="button" onClick={() => signIn("oidc", { callbackUrl })} className="w-full rounded border border-brand-700 px-4 py-2 font-semibold text-brand-800 hover:bg-brand-50">
      {label}
    </button>
  );
}
