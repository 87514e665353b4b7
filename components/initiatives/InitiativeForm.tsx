"use client";
import { useFormatter, useTranslations } from "next-intl";
import { useEffect, useMemo, useRef, useState, useTransition } from "react";
import { completeness, type CompletenessItem } from "@/lib/domain/completeness";
import { BENEFIT_CATEGORIES, BENEFIT_CERTAINTIES } from "@/lib/validation/benefit-options";
import type { InitiativeFieldsInput } from "@/lib/validation/initiative";

type Option = { id: string; name: string };
type Goal = { id: string; code: string; title: string };
type Issue = { path: string; message: string };
/** `id` names a stored benefit, so that an edit keeps its plan, measurements and follow-ups. */
type Benefit = { id?: string; category: string; description: string; annualValueSek: string; annualHours: string; certainty: string };
type Similar = { id: string; number: number; title: string; department: string; score: number };
type SaveResult =
  | { ok: true; id: string; version: number; submitted: boolean }
  | { ok: false; code: string; issues?: Issue[]; current?: { version: number; title: string }; id?: string; version?: number };

export type InitiativeFormValues = {
  title: string;
  need: string;
  ownerDepartmentId: string;
  benefitRecipient: string;
  nature: string;
  reachDescription: string;
  reachCount: string;
  benefits: Benefit[];
  goals: Record<string, number>;
  estimatedCostSek: string;
  estimatedEffortHours: string;
  desiredStartQuarter: string;
  dependencies: string;
  contactPerson: string;
  isReplacement: boolean;
  replacesSystem: string;
  enablesDevelopment: string;
  involvesProcurement: boolean;
  hygieneOwnsData: boolean | null;
  hygieneOpenStandards: boolean | null;
  hygieneOpenApis: boolean | null;
  hygieneExitPlan: boolean | null;
};

const HYGIENE = ["hygieneOwnsData", "hygieneOpenStandards", "hygieneOpenApis", "hygieneExitPlan"] as const;
const input = "mt-1 block w-full rounded border border-slate-500 bg-white px-3 py-2 aria-[invalid=true]:border-red-700 aria-[invalid=true]:border-2";

/** "" → null (vet ej); digits → number; anything else is sent as typed so the server names the problem. */
function toNumber(value: string): number | string | null {
  const compact = value.replace(/[\s\u00a0]/g, "");
  if (compact === "") return null;
  return /^-?\d+(\.\d+)?$/.test(compact) ? Number(compact) : value;
}

function toPayload(v: InitiativeFormValues): InitiativeFieldsInput {
  return {
    title: v.title,
    need: v.need,
    ownerDepartmentId: v.ownerDepartmentId,
    benefitRecipient: (v.benefitRecipient || null) as InitiativeFieldsInput["benefitRecipient"],
    nature: (v.nature || null) as InitiativeFieldsInput["nature"],
    reachDescription: v.reachDescription,
    reachCount: toNumber(v.reachCount) as number | null,
    benefits: v.benefits.map((b) => ({
      ...(b.id ? { id: b.id } : {}),
      category: b.category as never,
      description: b.description,
      annualValueSek: toNumber(b.annualValueSek) as number | null,
      annualHours: toNumber(b.annualHours) as number | null,
      certainty: b.certainty as never,
    })),
    goals: Object.entries(v.goals)
      .filter(([, alignment]) => alignment > 0)
      .map(([goalId, alignment]) => ({ goalId, alignment })),
    estimatedCostSek: toNumber(v.estimatedCostSek) as number | null,
    estimatedEffortHours: toNumber(v.estimatedEffortHours) as number | null,
    desiredStartQuarter: v.desiredStartQuarter || null,
    dependencies: v.dependencies,
    contactPerson: v.contactPerson,
    isReplacement: v.isReplacement,
    replacesSystem: v.isReplacement ? v.replacesSystem : null,
    enablesDevelopment: v.isReplacement ? v.enablesDevelopment : null,
    involvesProcurement: v.involvesProcurement,
    ...Object.fromEntries(HYGIENE.map((k) => [k, v.involvesProcurement ? v[k] : null])),
  };
}

/** The element a summary link leads to: the field itself, or a benefit row's own field. */
const fieldAnchor = (path: string) => (path.startsWith("benefits.") && path.split(".").length > 2 ? path : path.split(".")[0]!);

/** A summary link moves focus into its field (a group: its first choice), not just the view. */
function focusField(event: React.MouseEvent, id: string) {
  const target = document.getElementById(id);
  if (!target) return;
  event.preventDefault();
  const focusable = target.matches("input, select, textarea") ? target : target.querySelector<HTMLElement>("input, select, textarea");
  (focusable ?? target).focus();
  target.scrollIntoView({ block: "center" });
}

export function InitiativeForm(props: {
  initiativeId?: string;
  version?: number;
  initial: InitiativeFormValues;
  departments: Option[];
  goals: Goal[];
  quarters: string[];
  save: (input: { id?: string; version?: number; submit: boolean; fields: Record<string, unknown> }) => Promise<SaveResult>;
  findSimilar: (input: { title: string; need: string; excludeId?: string }) => Promise<Similar[]>;
}) {
  const t = useTranslations("initiative");
  const tv = useTranslations("validation");
  const tr = useTranslations();
  const format = useFormatter();
  const [values, setValues] = useState(props.initial);
  const [id, setId] = useState(props.initiativeId);
  const [version, setVersion] = useState(props.version);
  const [issues, setIssues] = useState<Issue[]>([]);
  const [problem, setProblem] = useState<SaveResult | null>(null);
  // Whether the last refused submit left a stored draft behind, so the summary can say so.
  const [stored, setStored] = useState<"none" | "draft" | null>(null);
  const [similar, setSimilar] = useState<Similar[] | null>(null);
  const [pending, startTransition] = useTransition();
  const summaryRef = useRef<HTMLDivElement>(null);

  const set = <K extends keyof InitiativeFormValues>(key: K, value: InitiativeFormValues[K]) => setValues((v) => ({ ...v, [key]: value }));
  const progress = useMemo(() => completeness({ ...toPayload(values), goals: Object.values(values.goals).filter((a) => a > 0) } as never), [values]);

  // Similar initiatives while writing: asked for after a pause in typing.
  const { title, need } = values;
  const { findSimilar, initiativeId } = props;
  useEffect(() => {
    if (title.trim().length + need.trim().length < 8) return;
    const timer = setTimeout(() => {
      findSimilar({ title, need, excludeId: initiativeId }).then(setSimilar, () => setSimilar([]));
    }, 700);
    return () => clearTimeout(timer);
  }, [title, need, findSimilar, initiativeId]);

  const issueFor = (path: string) => issues.find((i) => i.path === path);
  const fieldProps = (name: string, help?: boolean) => {
    const issue = issueFor(name);
    const describedBy = [help ? `${name}-help` : null, issue ? `${name}-error` : null].filter(Boolean).join(" ");
    return { id: name, "aria-invalid": issue ? true : undefined, "aria-describedby": describedBy || undefined } as const;
  };
  const errorText = (name: string) => {
    const issue = issueFor(name);
    return issue ? (
      <p id={`${name}-error`} className="mt-1 font-medium text-red-800">
        {tv.has(issue.message) ? tv(issue.message) : tv("invalid")}
      </p>
    ) : null;
  };
  const help = (name: string, key = name) => (
    <p id={`${name}-help`} className="mt-1 text-sm text-slate-700">
      {t(`help.${key}`)}
    </p>
  );

  function save(submit: boolean) {
    startTransition(async () => {
      setProblem(null);
      const result = await props.save({ id, version, submit, fields: toPayload(values) as Record<string, unknown> });
      if (result.ok) {
        window.location.assign(`/initiatives/${result.id}?${result.submitted ? "submitted" : "saved"}=1`);
        return;
      }
      if (result.id && result.id !== id) {
        // The draft was created even though submission was refused: keep editing it, and say so.
        setId(result.id);
        window.history.replaceState(null, "", `/initiatives/${result.id}/edit`);
      }
      setStored(result.id && result.id !== id ? "draft" : result.id ? null : "none");
      if (result.version && result.code !== "VERSION_CONFLICT") setVersion(result.version);
      setIssues(result.issues ?? []);
      setProblem(result);
      requestAnimationFrame(() => summaryRef.current?.focus());
    });
  }

  const missing = (items: CompletenessItem[]) => format.list(items.map((i) => t(`completeness.items.${i}`)), { type: "conjunction" });
  const yesNo = (name: string, value: boolean | null, onChange: (v: boolean | null) => void, allowUnknown: boolean) => (
    <div className="mt-1 flex flex-wrap gap-4">
      {([true, false, ...(allowUnknown ? [null] : [])] as (boolean | null)[]).map((option) => (
        <label key={String(option)} className="flex items-center gap-2">
          <input type="radio" name={name} checked={value === option} onChange={() => onChange(option)} className="h-4 w-4" />
          {option === true ? t("yes") : option === false ? t("no") : t("unknown")}
        </label>
      ))}
    </div>
  );

  return (
    <form
      noValidate
      className="grid gap-8 lg:grid-cols-[1fr_18rem]"
      onSubmit={(e) => {
        e.preventDefault();
        save(true);
      }}
    >
      <div className="space-y-8">
        <div ref={summaryRef} tabIndex={-1} role="alert" data-testid="form-problem">
          {problem && !problem.ok ? (
            <div className="rounded border-2 border-red-700 bg-red-50 p-4 text-red-900">
              {problem.code === "VERSION_CONFLICT" ? (
                <>
                  <p className="font-semibold">{t("conflict")}</p>
                  {problem.current ? <p className="mt-2">{t("conflictNewer", { version: problem.current.version, title: problem.current.title })}</p> : null}
                  <button type="button" onClick={() => window.location.reload()} className="mt-3 rounded bg-red-800 px-3 py-1.5 font-semibold text-white">
                    {t("reloadNewer")}
                  </button>
                </>
              ) : problem.code === "FORBIDDEN" ? (
                <p className="font-semibold">{t("forbidden")}</p>
              ) : problem.issues?.length ? (
                <>
                  <p className="font-semibold">{tv("summary", { count: problem.issues.length })}</p>
                  {stored ? <p className="mt-1" data-testid="form-stored">{t(stored === "draft" ? "draftSavedNotSubmitted" : "notSavedYet")}</p> : null}
                  <ul className="mt-2 list-disc pl-6">
                    {problem.issues.map((i) => (
                      <li key={i.path}>
                        <a href={`#${fieldAnchor(i.path)}`} onClick={(e) => focusField(e, fieldAnchor(i.path))} className="underline">
                          {t.has(`fields.${i.path.split(".")[0]}`) ? t(`fields.${i.path.split(".")[0]}` as never) : i.path}
                        </a>
                        : {tv.has(i.message) ? tv(i.message) : tv("invalid")}
                      </li>
                    ))}
                  </ul>
                </>
              ) : (
                <p className="font-semibold">{t("error")}</p>
              )}
            </div>
          ) : null}
        </div>

        <fieldset className="space-y-5">
          <legend className="text-xl font-semibold">{t("sections.basics")}</legend>
          <div>
            <label htmlFor="title" className="font-medium">{t("fields.title")} *</label>
            {help("title")}
            <input {...fieldProps("title", true)} required maxLength={200} value={values.title} onChange={(e) => set("title", e.target.value)} className={input} />
            {errorText("title")}
          </div>
          <div>
            <label htmlFor="need" className="font-medium">{t("fields.need")} *</label>
            {help("need")}
            <textarea {...fieldProps("need", true)} required rows={5} maxLength={5000} value={values.need} onChange={(e) => set("need", e.target.value)} className={input} />
            {errorText("need")}
          </div>
          <div>
            <label htmlFor="ownerDepartmentId" className="font-medium">{t("fields.ownerDepartment")} *</label>
            {help("ownerDepartmentId", "ownerDepartment")}
            <select {...fieldProps("ownerDepartmentId", true)} value={values.ownerDepartmentId} onChange={(e) => set("ownerDepartmentId", e.target.value)} className={input}>
              {props.departments.map((d) => <option key={d.id} value={d.id}>{d.name}</option>)}
            </select>
            {errorText("ownerDepartmentId")}
          </div>
          {(["benefitRecipient", "nature"] as const).map((name) => (
            <fieldset key={name} id={name} aria-describedby={`${name}-help${issueFor(name) ? ` ${name}-error` : ""}`}>
              <legend className="font-medium">{t(`fields.${name}`)} *</legend>
              {help(name)}
              <div className="mt-2 space-y-2">
                {(name === "benefitRecipient" ? ["INTERNAL", "EXTERNAL"] : ["EFFICIENCY", "INNOVATION"]).map((option) => (
                  <label key={option} className="flex items-start gap-2">
                    <input type="radio" name={name} value={option} checked={values[name] === option} onChange={() => set(name, option)} className="mt-1 h-4 w-4" />
                    <span>{tr(`${name}.${option}` as never)}</span>
                  </label>
                ))}
              </div>
              {errorText(name)}
            </fieldset>
          ))}
        </fieldset>

        <fieldset className="space-y-5">
          <legend className="text-xl font-semibold">{t("sections.benefit")}</legend>
          <div id="benefits">
            <p className="font-medium">{t("fields.benefits")}</p>
            {help("benefits")}
            {values.benefits.map((b, index) => {
              const n = index + 1;
              const update = (patch: Partial<Benefit>) => set("benefits", values.benefits.map((x, i) => (i === index ? { ...x, ...patch } : x)));
              return (
                <fieldset key={index} className="mt-3 grid gap-3 rounded border border-slate-300 p-3 md:grid-cols-2">
                  <legend className="px-1 font-medium">{t("benefitRow", { n })}</legend>
                  <div>
                    <label htmlFor={`benefits.${index}.category`}>{t("fields.category")}</label>
                    <select {...fieldProps(`benefits.${index}.category`)} value={b.category} onChange={(e) => update({ category: e.target.value })} className={input}>
                      {BENEFIT_CATEGORIES.map((c) => <option key={c} value={c}>{tr(`benefitCategory.${c}`)}</option>)}
                    </select>
                  </div>
                  <div>
                    <label htmlFor={`benefits.${index}.certainty`}>{t("fields.certainty")}</label>
                    <select {...fieldProps(`benefits.${index}.certainty`)} value={b.certainty} onChange={(e) => update({ certainty: e.target.value })} className={input}>
                      {BENEFIT_CERTAINTIES.map((c) => <option key={c} value={c}>{tr(`certainty.${c}`)}</option>)}
                    </select>
                  </div>
                  <div className="md:col-span-2">
                    <label htmlFor={`benefits.${index}.description`}>{t("fields.description")}</label>
                    <input {...fieldProps(`benefits.${index}.description`)} value={b.description} onChange={(e) => update({ description: e.target.value })} className={input} />
                    {errorText(`benefits.${index}.description`)}
                  </div>
                  <div>
                    <label htmlFor={`benefits.${index}.annualValueSek`}>{t("fields.annualValueSek")}</label>
                    <input {...fieldProps(`benefits.${index}.annualValueSek`)} inputMode="numeric" value={b.annualValueSek} onChange={(e) => update({ annualValueSek: e.target.value })} className={input} />
                    {errorText(`benefits.${index}.annualValueSek`)}
                  </div>
                  <div>
                    <label htmlFor={`benefits.${index}.annualHours`}>{t("fields.annualHours")}</label>
                    <input {...fieldProps(`benefits.${index}.annualHours`)} inputMode="numeric" value={b.annualHours} onChange={(e) => update({ annualHours: e.target.value })} className={input} />
                    {errorText(`benefits.${index}.annualHours`)}
                  </div>
                  <div className="md:col-span-2">
                    <button type="button" onClick={() => set("benefits", values.benefits.filter((_, i) => i !== index))} className="text-sm font-medium text-red-800 underline">
                      {t("removeBenefit", { n })}
                    </button>
                  </div>
                </fieldset>
              );
            })}
            <button
              type="button"
              onClick={() => set("benefits", [...values.benefits, { category: "REALLOCATION", description: "", annualValueSek: "", annualHours: "", certainty: "YELLOW" }])}
              className="mt-3 rounded border border-brand-700 px-3 py-1.5 font-medium text-brand-800 hover:bg-brand-50"
            >
              {t("addBenefit")}
            </button>
          </div>
          <div className="grid gap-4 md:grid-cols-2">
            <div>
              <label htmlFor="reachDescription" className="font-medium">{t("fields.reachDescription")}</label>
              {help("reachDescription")}
              <input {...fieldProps("reachDescription", true)} value={values.reachDescription} onChange={(e) => set("reachDescription", e.target.value)} className={input} />
              {errorText("reachDescription")}
            </div>
            <div>
              <label htmlFor="reachCount" className="font-medium">{t("fields.reachCount")}</label>
              {help("reachCount")}
              <input {...fieldProps("reachCount", true)} inputMode="numeric" value={values.reachCount} onChange={(e) => set("reachCount", e.target.value)} className={input} />
              {errorText("reachCount")}
            </div>
          </div>
          <fieldset id="goals" aria-describedby="goals-help">
            <legend className="font-medium">{t("fields.goals")}</legend>
            {help("goals")}
            <div className="mt-2 space-y-2">
              {props.goals.map((g) => (
                <div key={g.id} className="grid items-center gap-2 md:grid-cols-[1fr_12rem]">
                  <label htmlFor={`goal-${g.id}`}>{`${g.code} ${g.title}`}</label>
                  <select id={`goal-${g.id}`} value={values.goals[g.id] ?? 0} onChange={(e) => set("goals", { ...values.goals, [g.id]: Number(e.target.value) })} className="rounded border border-slate-500 bg-white px-2 py-1.5">
                    {[0, 1, 2, 3].map((level) => <option key={level} value={level}>{t(`alignmentLevel.${level}` as never)}</option>)}
                  </select>
                </div>
              ))}
            </div>
          </fieldset>
        </fieldset>

        <fieldset className="grid gap-4 md:grid-cols-2">
          <legend className="mb-2 text-xl font-semibold">{t("sections.size")}</legend>
          <div>
            <label htmlFor="estimatedCostSek" className="font-medium">{t("fields.estimatedCostSek")}</label>
            {help("estimatedCostSek")}
            <input {...fieldProps("estimatedCostSek", true)} inputMode="numeric" value={values.estimatedCostSek} onChange={(e) => set("estimatedCostSek", e.target.value)} className={input} />
            {errorText("estimatedCostSek")}
          </div>
          <div>
            <label htmlFor="estimatedEffortHours" className="font-medium">{t("fields.estimatedEffortHours")}</label>
            {help("estimatedEffortHours")}
            <input {...fieldProps("estimatedEffortHours", true)} inputMode="numeric" value={values.estimatedEffortHours} onChange={(e) => set("estimatedEffortHours", e.target.value)} className={input} />
            {errorText("estimatedEffortHours")}
          </div>
          <div>
            <label htmlFor="desiredStartQuarter" className="font-medium">{t("fields.desiredStartQuarter")}</label>
            {help("desiredStartQuarter")}
            <select {...fieldProps("desiredStartQuarter", true)} value={values.desiredStartQuarter} onChange={(e) => set("desiredStartQuarter", e.target.value)} className={input}>
              <option value="">{t("unknown")}</option>
              {props.quarters.map((q) => <option key={q} value={q}>{q}</option>)}
            </select>
            {errorText("desiredStartQuarter")}
          </div>
          <div>
            <label htmlFor="contactPerson" className="font-medium">{t("fields.contactPerson")}</label>
            {help("contactPerson")}
            <input {...fieldProps("contactPerson", true)} value={values.contactPerson} onChange={(e) => set("contactPerson", e.target.value)} className={input} />
            {errorText("contactPerson")}
          </div>
          <div className="md:col-span-2">
            <label htmlFor="dependencies" className="font-medium">{t("fields.dependencies")}</label>
            {help("dependencies")}
            <textarea {...fieldProps("dependencies", true)} rows={2} value={values.dependencies} onChange={(e) => set("dependencies", e.target.value)} className={input} />
            {errorText("dependencies")}
          </div>
        </fieldset>

        <fieldset className="space-y-4">
          <legend className="text-xl font-semibold">{t("sections.replacement")}</legend>
          <fieldset id="isReplacement" aria-describedby="isReplacement-help">
            <legend className="font-medium">{t("fields.isReplacement")}</legend>
            {help("isReplacement")}
            {yesNo("isReplacement", values.isReplacement, (v) => set("isReplacement", Boolean(v)), false)}
          </fieldset>
          {values.isReplacement ? (
            <>
              <div>
                <label htmlFor="replacesSystem" className="font-medium">{t("fields.replacesSystem")}</label>
                <input {...fieldProps("replacesSystem")} value={values.replacesSystem} onChange={(e) => set("replacesSystem", e.target.value)} className={input} />
                {errorText("replacesSystem")}
              </div>
              <div>
                <label htmlFor="enablesDevelopment" className="font-medium">{t("fields.enablesDevelopment")}</label>
                <textarea {...fieldProps("enablesDevelopment")} rows={3} value={values.enablesDevelopment} onChange={(e) => set("enablesDevelopment", e.target.value)} className={input} />
                {errorText("enablesDevelopment")}
              </div>
            </>
          ) : null}
        </fieldset>

        <fieldset className="space-y-4">
          <legend className="text-xl font-semibold">{t("sections.procurement")}</legend>
          <fieldset id="involvesProcurement" aria-describedby="involvesProcurement-help">
            <legend className="font-medium">{t("fields.involvesProcurement")}</legend>
            {help("involvesProcurement")}
            {yesNo("involvesProcurement", values.involvesProcurement, (v) => set("involvesProcurement", Boolean(v)), false)}
          </fieldset>
          {values.involvesProcurement ? (
            <div className="space-y-3 rounded border border-slate-300 p-3">
              <p id="hygiene-help" className="text-sm text-slate-700">{t("help.hygiene")}</p>
              {HYGIENE.map((key) => (
                <fieldset key={key} id={key} aria-describedby="hygiene-help">
                  <legend>{t(`fields.${key}`)}</legend>
                  {yesNo(key, values[key], (v) => set(key, v), true)}
                </fieldset>
              ))}
            </div>
          ) : null}
        </fieldset>

        <div className="flex flex-wrap gap-3">
          <button type="button" disabled={pending} onClick={() => save(false)} className="rounded border-2 border-brand-700 px-4 py-2 font-semibold text-brand-800 hover:bg-brand-50 disabled:opacity-70">
            {pending ? t("saving") : t("saveDraft")}
          </button>
          <button type="submit" disabled={pending} className="rounded bg-brand-700 px-4 py-2 font-semibold text-white hover:bg-brand-800 disabled:opacity-70">
            {t("submit")}
          </button>
        </div>
      </div>

      <aside className="space-y-6 lg:sticky lg:top-4 lg:self-start">
        <section aria-labelledby="completeness-title" className="rounded border border-slate-300 p-4">
          <h2 id="completeness-title" className="font-semibold">{t("completeness.title")}</h2>
          <div className="mt-2 h-3 w-full rounded bg-slate-200" aria-hidden="true">
            <div className="h-3 rounded bg-brand-700" style={{ width: `${progress.percent}%` }} />
          </div>
          <p className="mt-1" data-testid="completeness">{t("completeness.percent", { percent: progress.percent })}</p>
          {progress.missingRequired.length ? (
            <p className="mt-2 text-sm"><strong>{t("completeness.missingRequired")}</strong> {missing(progress.missingRequired)}</p>
          ) : (
            <p className="mt-2 text-sm font-medium">{t("completeness.ready")}</p>
          )}
          {progress.missingOptional.length ? (
            <p className="mt-2 text-sm"><strong>{t("completeness.missingOptional")}</strong> {missing(progress.missingOptional)}</p>
          ) : null}
        </section>
        <section aria-labelledby="similar-title" aria-live="polite" className="rounded border border-slate-300 p-4" data-testid="similar">
          <h2 id="similar-title" className="font-semibold">{t("similar.title")}</h2>
          {similar === null ? null : similar.length ? (
            <>
              <p className="mt-1 text-sm">{t("similar.intro")}</p>
              <ul className="mt-2 space-y-2">
                {similar.map((s) => (
                  <li key={s.id}>
                    <a href={`/initiatives/${s.id}`} target="_blank" rel="noreferrer" className="font-medium text-brand-800 underline">{`#${s.number} ${s.title}`}</a>
                    <span className="block text-sm text-slate-700">{`${s.department} · ${t("similar.match", { percent: Math.round(s.score * 100) })}`}</span>
                  </li>
                ))}
              </ul>
            </>
          ) : (
            <p className="mt-1 text-sm">{t("similar.none")}</p>
          )}
        </section>
      </aside>
    </form>
  );
}
