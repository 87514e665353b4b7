"use client";
// Reads an export file and sends it to POST /api/v1/restore; only shown on an empty database.
import { useTranslations } from "next-intl";
import { useState } from "react";
import { RESTORE_MAX_BYTES } from "@/lib/validation/import-fields";

export function RestoreForm() {
  const t = useTranslations("data");
  const [message, setMessage] = useState<{ text: string; ok: boolean } | null>(null);
  const [busy, setBusy] = useState(false);
  return (
    <form
      className="space-y-3"
      onSubmit={async (event) => {
        event.preventDefault();
        const file = (event.currentTarget.elements.namedItem("export") as HTMLInputElement).files?.[0];
        if (!file) return setMessage({ text: t("chooseFile"), ok: false });
        // Refused here rather than after sending megabytes the server will not read.
        if (file.size > RESTORE_MAX_BYTES) return setMessage({ text: `${t("restoreFailed")} ${t("restoreErrors.PAYLOAD_TOO_LARGE")}`, ok: false });
        setBusy(true);
        setMessage({ text: t("restoring"), ok: true });
        try {
          const response = await fetch("/api/v1/restore", { method: "POST", headers: { "content-type": "application/json" }, body: file });
          type Answer = { data?: { rows: number }; error?: { code: string; issues?: { path: string }[] } };
          // A body that is not JSON (a proxy's own 413 page, say) stands for its status.
          const json = (await response.json().catch(() => ({ error: { code: response.status === 413 ? "PAYLOAD_TOO_LARGE" : "" } }))) as Answer;
          if (json.data) setMessage({ text: t("restored", { rows: json.data.rows }), ok: true });
          else {
            const code = json.error?.code ?? "";
            const reason = t.has(`restoreErrors.${code}`) ? t(`restoreErrors.${code}` as "restoreErrors.INVALID_EXPORT") : "";
            // The first problem's place in the document (e.g. entities.users.3.role) helps whoever fixes the file.
            const where = json.error?.issues?.[0]?.path ? ` (${json.error.issues[0].path})` : "";
            setMessage({ text: `${t("restoreFailed")} ${reason}${where}`, ok: false });
          }
        } catch {
          setMessage({ text: t("restoreFailed"), ok: false });
        }
        setBusy(false);
      }}
    >
      <div>
        <label htmlFor="restore-file" className="font-medium">{t("restoreFileLabel")}</label>
        <input id="restore-file" name="export" type="file" accept=".json,application/json" className="mt-1 block w-full rounded border border-slate-500 bg-white px-3 py-2" />
      </div>
      <p role="status" className={message?.ok === false ? "font-medium text-red-800" : "font-medium text-emerald-900"}>{message?.text}</p>
      <button type="submit" disabled={busy} className="rounded bg-brand-700 px-4 py-2 font-semibold text-white hover:bg-brand-800 disabled:opacity-70">
        {t("restoreButton")}
      </button>
    </form>
  );
}
