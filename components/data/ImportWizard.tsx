"use client";
// Upload → column mapping → preview with problems by row → all-or-nothing import with
// progress. Talks to the open API (POST /api/v1/import/initiatives), like any client would.
import { useTranslations } from "next-intl";
import { useId, useRef, useState } from "react";
import type { ImportIssue, ImportResult } from "@/lib/validation/data";
import { IMPORT_FIELDS, IMPORT_LIMITS, REQUIRED_IMPORT_FIELDS, type ImportField } from "@/lib/validation/import-fields";

const ENDPOINT = "/api/v1/import/initiatives";
const button = "rounded bg-brand-700 px-4 py-2 font-semibold text-white hover:bg-brand-800 disabled:opacity-70";
const field = "mt-1 block w-full rounded border border-slate-500 bg-white px-3 py-2";
const SAMPLE_FIELDS: ImportField[] = ["title", "department", "status", "estimatedCostSek", "desiredStartQuarter"];

type ApiError = { status?: number; error: { code: string; message: string; issues?: { path: string; message: string }[] } };
type Phase = "idle" | "checking" | "importing" | "done";

/** Error issues from the API ("file", "mapping.<field>", "rows.<row>.<field>") as import issues. */
function toIssues(error: ApiError["error"]): ImportIssue[] {
  return (error.issues ?? []).map((issue) => {
    const [scope, row, name] = issue.path.split(".");
    if (scope === "rows") return { row: Number(row), field: name ?? "", message: issue.message };
    if (scope === "mapping") return { row: 0, field: row ?? "", message: issue.message };
    return { row: 0, field: "file", message: issue.message };
  });
}

/** The API's JSON answer; a body that is not JSON (a proxy's own 413 page, say) as the error it stands for. */
async function answerOf<T>(response: Response): Promise<T | ApiError> {
  try {
    return (await response.json()) as T | ApiError;
  } catch {
    const tooLarge = response.status === 413;
    return { status: response.status, error: { code: tooLarge ? "PAYLOAD_TOO_LARGE" : "FAILED", message: "", issues: tooLarge ? [{ path: "file", message: "fileTooLarge" }] : [] } };
  }
}

async function send(file: File, mapping: Record<string, string | null> | null, dryRun: boolean, stream: boolean) {
  const body = new FormData();
  body.append("file", file);
  if (mapping) body.append("mapping", JSON.stringify(mapping));
  return fetch(`${ENDPOINT}?dryRun=${dryRun}`, { method: "POST", body, headers: stream ? { accept: "application/x-ndjson" } : {} });
}

export function ImportWizard() {
  const t = useTranslations("data");
  const tv = useTranslations("validation");
  const ts = useTranslations("status");
  const ids = useId();
  const fileInput = useRef<HTMLInputElement>(null);
  const [file, setFile] = useState<File | null>(null);
  const [result, setResult] = useState<ImportResult | null>(null);
  const [mapping, setMapping] = useState<Record<string, string | null>>({});
  const [issues, setIssues] = useState<{ list: ImportIssue[]; count: number } | null>(null);
  const [phase, setPhase] = useState<Phase>("idle");
  const [message, setMessage] = useState<string | null>(null);
  const [progress, setProgress] = useState<{ done: number; total: number } | null>(null);
  const [created, setCreated] = useState(0);

  const issueText = (issue: ImportIssue) => {
    const params = {
      megabytes: IMPORT_LIMITS.fileBytes / 1024 / 1024,
      rows: IMPORT_LIMITS.rows,
      columns: IMPORT_LIMITS.columns,
      unpackedMegabytes: IMPORT_LIMITS.unpackedBytes / 1024 / 1024,
      cells: IMPORT_LIMITS.xlsxCells,
      parts: IMPORT_LIMITS.xlsxEntries,
      ...issue.params,
    };
    if (t.has(`issues.${issue.message}`)) return t(`issues.${issue.message}`, params);
    return tv.has(issue.message) ? tv(issue.message) : tv("invalid");
  };
  const fieldLabel = (name: string) => (name === "file" ? t("fileRow") : (IMPORT_FIELDS as readonly string[]).includes(name) ? t(`columns.${name as ImportField}`) : name);

  async function check(withMapping: boolean) {
    const chosen = fileInput.current?.files?.[0] ?? file;
    if (!chosen) {
      setMessage(t("chooseFile"));
      return;
    }
    setFile(chosen);
    // Refused here rather than after sending megabytes the server will not read.
    const local = chosen.size === 0 ? "fileEmpty" : chosen.size > IMPORT_LIMITS.fileBytes ? "fileTooLarge" : null;
    if (local) {
      const issue: ImportIssue = { row: 0, field: "file", message: local };
      setResult(null);
      setIssues({ list: [issue], count: 1 });
      setMessage(issueText(issue));
      return;
    }
    setPhase("checking");
    setMessage(t("checking"));
    setCreated(0);
    try {
      const response = await send(chosen, withMapping ? mapping : null, true, false);
      const json = await answerOf<{ data: ImportResult }>(response);
      if ("data" in json) {
        setResult(json.data);
        setMapping(json.data.mapping as Record<string, string | null>);
        setIssues({ list: json.data.issues, count: json.data.issueCount });
        setMessage(json.data.issueCount === 0 ? t("noIssues", { rows: json.data.rowCount, status: ts(json.data.status as "DRAFT") }) : t("issueSummary", { count: json.data.issueCount }));
      } else {
        setResult(null);
        const list = toIssues(json.error);
        setIssues({ list, count: list.length });
        setMessage(response.status === 403 ? t("forbidden") : list.length ? issueText(list[0]!) : t("failed"));
      }
    } catch {
      setMessage(t("failed"));
    }
    setPhase("idle");
  }

  async function runImport() {
    if (!file || !result) return;
    setPhase("importing");
    setProgress(null);
    setMessage(t("progressValidating"));
    let outcome: { data: ImportResult } | ApiError | null = null;
    try {
      const response = await send(file, mapping, false, true);
      if (!response.body || !(response.headers.get("content-type") ?? "").includes("ndjson")) {
        outcome = await answerOf<{ data: ImportResult }>(response);
      } else {
        const reader = response.body.getReader();
        const decoder = new TextDecoder();
        let buffered = "";
        for (;;) {
          const { done, value } = await reader.read();
          buffered += decoder.decode(value, { stream: !done });
          const lines = buffered.split("\n");
          buffered = lines.pop() ?? "";
          for (const line of lines.filter(Boolean)) {
            const event = JSON.parse(line) as { progress?: { phase: string; done?: number; total?: number } } & Partial<{ data: ImportResult } & ApiError>;
            if (event.progress?.phase === "writing") {
              setProgress({ done: event.progress.done!, total: event.progress.total! });
              setMessage(t("progressWriting", { done: event.progress.done!, total: event.progress.total! }));
            } else if (event.data || event.error) outcome = event as { data: ImportResult } | ApiError;
          }
          if (done) break;
        }
      }
    } catch {
      outcome = null;
    }
    if (outcome && "data" in outcome) {
      setCreated(outcome.data.created);
      setResult(null);
      setIssues(null);
      setFile(null);
      if (fileInput.current) fileInput.current.value = "";
      setMessage(t("imported", { count: outcome.data.created }));
      setPhase("done");
      return;
    }
    if (outcome) {
      const list = toIssues(outcome.error);
      setIssues({ list, count: list.length });
    }
    setMessage(t("failed"));
    setPhase("idle");
  }

  const busy = phase === "checking" || phase === "importing";
  const ready = result && issues?.count === 0;
  return (
    <div className="space-y-8">
      <section aria-labelledby={`${ids}-file`} className="space-y-3">
        <h2 id={`${ids}-file`} className="text-xl font-semibold">{t("fileStep")}</h2>
        <form
          onSubmit={(event) => {
            event.preventDefault();
            void check(false);
          }}
          className="flex flex-wrap items-end gap-3"
        >
          <div>
            <label htmlFor={`${ids}-input`} className="font-medium">{t("fileLabel")}</label>
            <input
              ref={fileInput}
              id={`${ids}-input`}
              name="file"
              type="file"
              accept=".xlsx,.csv,text/csv,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
              className={field}
              onChange={() => {
                setResult(null);
                setIssues(null);
              }}
            />
          </div>
          <button type="submit" disabled={busy} className={button}>{t("preview")}</button>
        </form>
      </section>

      <p role="status" aria-live="polite" data-testid="import-status" className={`font-medium ${issues?.count ? "text-red-800" : "text-emerald-900"}`}>
        {message}
        {phase === "done" && created > 0 ? (
          <>
            {" "}
            <a href="/initiatives?sort=created&dir=desc" className="text-brand-800 underline">{t("showImported")}</a>
          </>
        ) : null}
      </p>
      {phase === "importing" ? (
        <progress aria-label={t("progressLabel")} className="h-4 w-full" data-testid="import-progress" {...(progress ? { value: progress.done, max: progress.total } : {})} />
      ) : null}

      {result ? (
        <section aria-labelledby={`${ids}-mapping`} className="space-y-3">
          <h2 id={`${ids}-mapping`} className="text-xl font-semibold">{t("mappingStep")}</h2>
          <p>{t("mappingIntro")}</p>
          <form
            onSubmit={(event) => {
              event.preventDefault();
              void check(true);
            }}
            className="space-y-3"
          >
            <div className="grid gap-3 md:grid-cols-2">
              {IMPORT_FIELDS.map((name) => (
                <div key={name}>
                  <label htmlFor={`${ids}-map-${name}`} className="font-medium">
                    {t(`columns.${name}`)}
                    {REQUIRED_IMPORT_FIELDS.includes(name) ? ` (${t("mappingRequired")})` : ""}
                  </label>
                  <select
                    id={`${ids}-map-${name}`}
                    value={mapping[name] ?? ""}
                    onChange={(event) => setMapping({ ...mapping, [name]: event.target.value || null })}
                    className={field}
                  >
                    <option value="">{t("notImported")}</option>
                    {result.headers.filter((h) => h !== "").map((header) => (
                      <option key={header} value={header}>{header}</option>
                    ))}
                  </select>
                </div>
              ))}
            </div>
            <button type="submit" disabled={busy} className={button}>{t("checkAgain")}</button>
          </form>
        </section>
      ) : null}

      {result || issues?.count ? (
        <section aria-labelledby={`${ids}-check`} className="space-y-3">
          <h2 id={`${ids}-check`} className="text-xl font-semibold">{t("previewStep")}</h2>
          {result ? <p>{t("fileSummary", { rows: result.rowCount, format: result.format.toUpperCase() })}</p> : null}
          {issues && issues.count > 0 ? (
            <>
              {issues.count > issues.list.length ? <p>{t("issuesShown", { shown: issues.list.length, count: issues.count })}</p> : null}
              <table className="w-full text-left" data-testid="import-issues">
                <caption className="text-left font-semibold">{t("issuesCaption")}</caption>
                <thead>
                  <tr className="border-b-2 border-slate-400">
                    <th scope="col" className="py-1 pr-3">{t("issueRow")}</th>
                    <th scope="col" className="py-1 pr-3">{t("issueField")}</th>
                    <th scope="col" className="py-1">{t("issueMessage")}</th>
                  </tr>
                </thead>
                <tbody>
                  {issues.list.map((issue, index) => (
                    <tr key={index} className="border-b border-slate-200">
                      <th scope="row" className="py-1 pr-3 font-medium tabular-nums">{issue.row === 0 ? t("fileRow") : issue.row}</th>
                      <td className="py-1 pr-3">{fieldLabel(issue.field)}</td>
                      <td className="py-1">{issueText(issue)}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </>
          ) : null}
          {ready && result.preview.length ? (
            <div className="overflow-x-auto">
              <table className="w-full text-left" data-testid="import-sample">
                <caption className="text-left font-semibold">{t("sampleCaption")}</caption>
                <thead>
                  <tr className="border-b-2 border-slate-400">
                    <th scope="col" className="py-1 pr-3">{t("issueRow")}</th>
                    {SAMPLE_FIELDS.map((name) => (
                      <th key={name} scope="col" className="py-1 pr-3">{t(`columns.${name}`)}</th>
                    ))}
                  </tr>
                </thead>
                <tbody>
                  {result.preview.map((row) => (
                    <tr key={row.row} className="border-b border-slate-200">
                      <th scope="row" className="py-1 pr-3 font-medium tabular-nums">{row.row}</th>
                      {SAMPLE_FIELDS.map((name) => (
                        <td key={name} className="py-1 pr-3">{name === "status" && row.status ? ts(row.status as "DRAFT") : row[name]}</td>
                      ))}
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
          ) : null}
        </section>
      ) : null}

      {ready ? (
        <section aria-labelledby={`${ids}-import`} className="space-y-3">
          <h2 id={`${ids}-import`} className="text-xl font-semibold">{t("importStep")}</h2>
          <button type="button" disabled={busy} onClick={() => void runImport()} className={button}>
            {phase === "importing" ? t("importing") : t("importButton", { rows: result.rowCount })}
          </button>
        </section>
      ) : null}
    </div>
  );
}
