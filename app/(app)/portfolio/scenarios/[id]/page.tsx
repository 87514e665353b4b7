import type { Metadata } from "next";
import { getFormatter, getTranslations } from "next-intl/server";
import { can } from "@/lib/auth/policy";
import { requireUser } from "@/lib/auth/session";
import { quarterSequence } from "@/lib/domain/capacity";
import type { PlanMeasures } from "@/lib/domain/scenarios";
import { SCORE_KEYS } from "@/lib/domain/score";
import { listMeetings } from "@/lib/server/meetings";
import { orNotFound } from "@/lib/server/or-not-found";
import { getScenario, scenarioPlan, startQuarter } from "@/lib/server/scenarios";
import { scoreWeights } from "@/lib/server/settings";
import { MAX_HORIZON, MAX_START_WINDOW, MAX_TIME_LIMIT_SECONDS } from "@/lib/validation/scenarios";
import { PortfolioHeader } from "@/components/portfolio/PortfolioHeader";
import { RunProgress } from "@/components/scenarios/RunProgress";
import { ActionForm, FieldError } from "@/components/ui/ActionForm";
import { ClientMessages } from "@/components/ui/ClientMessages";
import { SelectField, TextAreaField, TextField } from "@/components/ui/fields";
import { deleteScenarioAction, optimiseAction, saveScenarioAction, scenarioToAgendaAction } from "../actions";
import { constraintWords, loadWords } from "../words";

export async function generateMetadata({ params }: { params: Promise<{ id: string }> }): Promise<Metadata> {
  const user = await requireUser();
  const scenario = await orNotFound(getScenario(user, (await params).id));
  return { title: scenario.name };
}

const ERRORS = ["FORBIDDEN", "VERSION_CONFLICT", "RUN_IN_PROGRESS", "SCENARIO_ADOPTED", "SCENARIO_IN_USE", "ALREADY_ON_AGENDA", "MEETING_CLOSED", "VALIDATION_FAILED", "default"] as const;
const DONE = ["created", "saved", "onAgenda"] as const;
const box = "space-y-3 rounded border border-slate-300 p-4";
const cell = "py-1 pr-3 align-top";

/** A scenario: its plan measured against the live portfolio, the optimiser and why each initiative left out is out, and its changes. */
export default async function ScenarioPage({ params, searchParams }: { params: Promise<{ id: string }>; searchParams: Promise<{ done?: string }> }) {
  const user = await requireUser();
  const [{ id }, { done }] = await Promise.all([params, searchParams]);
  const scenario = await orNotFound(getScenario(user, id));
  const mayWrite = can(user, "scenario.write") && !scenario.adoptedAt;
  const mayDecide = can(user, "portfolio.decide");
  const [t, format, plan, meetings, liveWeights] = await Promise.all([
    getTranslations(),
    getFormatter(),
    scenarioPlan(user, scenario),
    mayDecide && !scenario.adoptedAt ? listMeetings(user) : Promise.resolve(null),
    scoreWeights(),
  ]);
  const c = scenario.changes;
  const n = (v: number, digits = 0) => format.number(v, { maximumFractionDigits: digits });
  const label = (initiativeId: string) => {
    const i = plan.labels.initiatives[initiativeId];
    return i ? t("scenarios.initiative", { number: i.number, title: i.title }) : initiativeId;
  };
  const numberOf = (initiativeId: string) => plan.labels.initiatives[initiativeId]?.number ?? "?";
  const run = scenario.latestRun;
  const result = run?.status === "DONE" ? run.result : null;
  const outdated = !!run && run.scenarioVersion !== scenario.version;
  const messages = Object.fromEntries(ERRORS.map((k) => [k, t(`scenarios.errors.${k}`)]));
  const words = constraintWords(t, plan.labels, c.horizon.from);
  const load = loadWords(t, n);
  const all = (constraints: unknown[]) => format.list(constraints.map(words), { type: "conjunction" });
  const planned = new Set(plan.plan.map((p) => p.id));
  const explained = (result?.explanations ?? []).filter((e) => !planned.has(e.id)).sort((a, b) => (plan.labels.initiatives[b.id]?.score ?? 0) - (plan.labels.initiatives[a.id]?.score ?? 0));
  const quarters = quarterSequence(c.horizon.from, MAX_HORIZON + 8);

  const measureRows = (m: PlanMeasures) => {
    const worst = Math.max(0, ...m.balance.map((b) => Math.abs(b.deviation ?? 0)));
    const over = m.load.reduce((s, p) => s + p.quarters.filter((q) => q.hours > q.capacity).length, 0);
    return [n(m.initiatives), n(m.totalScore, 1), t("scenarios.sek", { value: n(m.yearlyBenefitSek) }), t("scenarios.points", { value: n(worst, 1) }), n(over), n(m.dropped.length)];
  };
  const columns = [
    { key: "live", label: t("scenarios.live"), m: plan.live },
    { key: "scenario", label: plan.source === "optimised" ? t("scenarios.optimised") : t("scenarios.manual"), m: plan.measures },
    ...(plan.greedy ? [{ key: "greedy", label: t("scenarios.greedy"), m: plan.greedy }] : []),
  ];
  const rowLabels = ["initiatives", "totalScore", "yearlyBenefit", "worstDeviation", "overCapacity", "dropped"] as const;

  return (
    <div className="space-y-8">
      <PortfolioHeader user={user} current="scenarios" />
      <p><a href="/portfolio/scenarios" className="font-medium text-brand-800 underline">{t("scenarios.back")}</a></p>
      <header className="space-y-2">
        <h2 className="text-2xl font-bold" data-testid="scenario-name">{scenario.name}</h2>
        {scenario.description ? <p className="max-w-3xl whitespace-pre-line">{scenario.description}</p> : null}
        <p>
          {scenario.adoptedInMeeting
            ? t("scenarios.state.adoptedOn", { meeting: scenario.adoptedInMeeting.title, date: format.dateTime(scenario.adoptedAt!, { dateStyle: "long" }) })
            : scenario.onAgenda.length
              ? t("scenarios.state.onAgenda", { meeting: scenario.onAgenda.map((m) => m.title).join(", ") })
              : t("scenarios.state.draftLong")}
        </p>
      </header>
      {done && (DONE as readonly string[]).includes(done) ? <p role="status" className="rounded border-2 border-emerald-700 bg-emerald-50 p-3 font-medium text-emerald-900">{t(`scenarios.done.${done as (typeof DONE)[number]}`)}</p> : null}

      <section aria-labelledby="measures-title" className="space-y-3">
        <h2 id="measures-title" className="text-xl font-semibold">{t("scenarios.measuresTitle")}</h2>
        <p className="max-w-3xl">{plan.source === "optimised" ? t("scenarios.sourceOptimised") : t("scenarios.sourceManual")}</p>
        <table className="w-full max-w-4xl text-left text-sm" data-testid="measures">
          <caption className="sr-only">{t("scenarios.measuresTitle")}</caption>
          <thead>
            <tr className="border-b border-slate-400">
              <td className={cell} />
              {columns.map((col) => <th key={col.key} scope="col" className={`${cell} text-right`}>{col.label}</th>)}
            </tr>
          </thead>
          <tbody>
            {rowLabels.map((row, r) => (
              <tr key={row} className="border-b border-slate-200">
                <th scope="row" className={`${cell} font-normal`}>{t(`scenarios.rows.${row}`)}</th>
                {columns.map((col) => <td key={col.key} className={`${cell} text-right tabular-nums`}>{measureRows(col.m)[r]}</td>)}
              </tr>
            ))}
          </tbody>
        </table>
        {plan.greedy && plan.greedy.totalScore > 0 ? (
          <p data-testid="versus-greedy">{t("scenarios.versusGreedy", { percent: n((100 * (plan.measures.totalScore - plan.greedy.totalScore)) / plan.greedy.totalScore, 1) })}</p>
        ) : null}
        {plan.notes.unknownEffort.length ? <p className="text-sm">{t("scenarios.notes.unknownEffort", { count: plan.notes.unknownEffort.length })}</p> : null}
        {plan.notes.overloaded.length ? <p className="text-sm">{t("scenarios.notes.overloaded", { count: plan.notes.overloaded.length })}</p> : null}
      </section>

      <section aria-labelledby="optimiser" className={box}>
        <h2 id="optimiser" className="text-xl font-semibold">{t("scenarios.optimiserTitle")}</h2>
        <p className="max-w-3xl">{t("scenarios.optimiserIntro")}</p>
        {run?.status === "RUNNING" ? (
          <RunProgress
            scenarioId={scenario.id}
            runId={run.id}
            timeLimitSeconds={run.timeLimitSeconds}
            initial={run.progress}
            words={{ label: t("scenarios.progress.label"), elapsed: t("scenarios.progress.elapsed"), failed: t("scenarios.progress.failed"), stages: { prepare: t("scenarios.progress.prepare"), solve: t("scenarios.progress.solve"), explain: t("scenarios.progress.explain"), diagnose: t("scenarios.progress.diagnose"), done: t("scenarios.progress.done") } }}
          />
        ) : run?.status === "FAILED" ? (
          <p role="status">{run.error === "INTERRUPTED" ? t("scenarios.run.interrupted") : t("scenarios.run.failedLong")}</p>
        ) : result ? (
          <div className="space-y-2" data-testid="run-result">
            <p className="font-medium" data-testid="run-status">
              {result.status === "optimal"
                ? t("scenarios.result.optimal", { seconds: n(result.seconds, 1) })
                : result.status === "time_limit"
                  ? t("scenarios.result.timeLimit", { seconds: n(result.seconds, 1), gap: n(result.gap * 100, 2) })
                  : t("scenarios.result.infeasible")}
            </p>
            {outdated ? <p>{t("scenarios.run.outdatedLong")}</p> : null}
            {result.status === "infeasible" ? (
              <ul className="ml-5 list-disc" data-testid="conflicts">
                {result.conflicts.map((conflict, k) => <li key={k}>{all(conflict.constraints)}</li>)}
              </ul>
            ) : null}
          </div>
        ) : (
          <p>{t("scenarios.run.noneLong")}</p>
        )}
        {mayWrite && run?.status !== "RUNNING" ? (
          <ClientMessages namespaces={["validation"]}>
            <ActionForm action={optimiseAction.bind(null, scenario.id, scenario.version)} submitLabel={t("scenarios.optimise")} messages={messages} testId="optimise-form" className="flex flex-wrap items-end gap-3">
              <TextField id="time-limit" name="timeLimitSeconds" label={t("scenarios.fields.timeLimit", { max: MAX_TIME_LIMIT_SECONDS })} defaultValue={run?.timeLimitSeconds ?? 10} inputMode="numeric" className="w-48" />
            </ActionForm>
          </ClientMessages>
        ) : null}
      </section>

      <section aria-labelledby="plan-title" className="space-y-3">
        <h2 id="plan-title" className="text-xl font-semibold">{t("scenarios.planTitle", { count: plan.plan.length })}</h2>
        <details>
          <summary className="cursor-pointer font-medium text-brand-800">{t("scenarios.showPlan")}</summary>
          <table className="mt-2 w-full text-left text-sm" data-testid="plan">
            <caption className="sr-only">{t("scenarios.planTitle", { count: plan.plan.length })}</caption>
            <thead>
              <tr className="border-b border-slate-400">
                <th scope="col" className={cell}>{t("scenarios.columns.initiative")}</th>
                <th scope="col" className={cell}>{t("scenarios.columns.department")}</th>
                <th scope="col" className={`${cell} text-right`}>{t("scenarios.columns.score")}</th>
                <th scope="col" className={cell}>{t("scenarios.columns.start")}</th>
                <th scope="col" className={cell}>{t("scenarios.columns.status")}</th>
              </tr>
            </thead>
            <tbody>
              {[...plan.plan].sort((a, b) => a.start - b.start || (plan.labels.initiatives[b.id]?.score ?? 0) - (plan.labels.initiatives[a.id]?.score ?? 0)).map((p) => (
                <tr key={p.id} className="border-b border-slate-200">
                  <th scope="row" className={`${cell} font-normal`}><a href={`/initiatives/${p.id}`} className="text-brand-800 underline">{label(p.id)}</a></th>
                  <td className={cell}>{plan.labels.initiatives[p.id]?.department}</td>
                  <td className={`${cell} text-right tabular-nums`}>{n(plan.labels.initiatives[p.id]?.score ?? 0, 1)}</td>
                  <td className={cell}>{startQuarter(c, p.start)}</td>
                  <td className={cell}>{t(`status.${plan.labels.initiatives[p.id]?.status ?? "TRIAGED"}` as never)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </details>
        {plan.measures.dropped.length ? (
          <p data-testid="dropped">{t("scenarios.droppedList", { list: plan.measures.dropped.map((d) => `#${numberOf(d)}`).join(", ") })}</p>
        ) : null}
      </section>

      {result && result.status !== "infeasible" ? (
        <section aria-labelledby="why-title" className="space-y-3">
          <h2 id="why-title" className="text-xl font-semibold">{t("scenarios.whyTitle")}</h2>
          <p className="max-w-3xl">{t("scenarios.whyIntro")}</p>
          {explained.length ? (
            <table className="w-full text-left text-sm" data-testid="explanations">
              <caption className="sr-only">{t("scenarios.whyTitle")}</caption>
              <thead>
                <tr className="border-b border-slate-400">
                  <th scope="col" className={cell}>{t("scenarios.columns.initiative")}</th>
                  <th scope="col" className={`${cell} text-right`}>{t("scenarios.columns.score")}</th>
                  <th scope="col" className={cell}>{t("scenarios.columns.keptOutBy")}</th>
                  <th scope="col" className={`${cell} text-right`}>{t("scenarios.columns.gain")}</th>
                </tr>
              </thead>
              <tbody>
                {explained.slice(0, 50).map((e) => (
                  <tr key={e.id} className="border-b border-slate-200" data-testid="explanation">
                    <th scope="row" className={`${cell} font-normal`}><a href={`/initiatives/${e.id}`} className="text-brand-800 underline">{label(e.id)}</a></th>
                    <td className={`${cell} text-right tabular-nums`}>{n(plan.labels.initiatives[e.id]?.score ?? 0, 1)}</td>
                    <td className={cell}>{e.blockedBy.length ? all(e.blockedBy) : t("scenarios.notWorthIt")}</td>
                    <td className={`${cell} text-right tabular-nums`}>{e.gainIfRelaxed === null ? "–" : t("scenarios.gain", { value: n(e.gainIfRelaxed, 1) })}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          ) : (
            <p>{t("scenarios.allIn")}</p>
          )}
          {explained.length > 50 ? <p className="text-sm">{t("scenarios.firstExplained", { count: 50, total: explained.length })}</p> : null}
        </section>
      ) : null}

      <section aria-labelledby="load-title" className="space-y-3">
        <h2 id="load-title" className="text-xl font-semibold">{t("scenarios.loadTitle")}</h2>
        <div className="overflow-x-auto" role="region" aria-labelledby="load-title" tabIndex={0}>
          <table className="text-left text-sm" data-testid="load">
            <caption className="sr-only">{t("scenarios.loadTitle")}</caption>
            <thead>
              <tr className="border-b border-slate-400">
                <th scope="col" className={cell}>{t("scenarios.columns.pool")}</th>
                {plan.quarters.map((q) => <th key={q} scope="col" className={`${cell} whitespace-nowrap text-right`}>{q}</th>)}
              </tr>
            </thead>
            <tbody>
              {plan.measures.load.map((p) => (
                <tr key={p.pool} className="border-b border-slate-200">
                  <th scope="row" className={`${cell} font-normal`}>{plan.labels.pools[p.pool] ?? p.pool}</th>
                  {p.quarters.map((q) => (
                    <td key={q.quarter} className={`${cell} whitespace-nowrap text-right tabular-nums ${q.hours > q.capacity ? "font-semibold text-red-800" : ""}`}>
                      {load(q)}
                    </td>
                  ))}
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      </section>

      {mayDecide && meetings && meetings.upcoming.length ? (
        <section aria-labelledby="agenda-title" className={box}>
          <h2 id="agenda-title" className="text-xl font-semibold">{t("scenarios.agendaTitle")}</h2>
          <p className="max-w-3xl">{t("scenarios.agendaIntro")}</p>
          <ClientMessages namespaces={["validation"]}>
            <ActionForm action={scenarioToAgendaAction.bind(null, scenario.id)} submitLabel={t("scenarios.toAgenda")} messages={messages} testId="agenda-form" className="flex flex-wrap items-end gap-3">
              <SelectField id="meeting" name="meetingId" label={t("scenarios.fields.meeting")} empty="–" options={meetings.upcoming.map((m) => ({ value: m.id, label: `${m.title} (${format.dateTime(new Date(m.date), { dateStyle: "medium" })})` }))} />
            </ActionForm>
          </ClientMessages>
        </section>
      ) : null}

      {mayWrite ? (
        <section aria-labelledby="edit-title" className={box}>
          <h2 id="edit-title" className="text-xl font-semibold">{t("scenarios.editTitle")}</h2>
          <ClientMessages namespaces={["validation"]}>
            <ActionForm action={saveScenarioAction.bind(null, scenario.id, scenario.version)} submitLabel={t("scenarios.save")} messages={messages} testId="scenario-form" className="space-y-6">
              <div className="grid gap-3 md:grid-cols-2">
                <TextField id="name" name="name" label={t("scenarios.fields.name")} defaultValue={scenario.name} required maxLength={120} />
                <TextAreaField id="description" name="description" label={t("scenarios.fields.description")} defaultValue={scenario.description} rows={2} />
              </div>
              <fieldset className="grid gap-3 md:grid-cols-3">
                <legend className="mb-2 font-semibold">{t("scenarios.fields.horizonLegend")}</legend>
                <SelectField id="horizon-from" name="horizon.from" label={t("scenarios.fields.horizonFrom")} defaultValue={c.horizon.from} options={quarterSequence(startQuarter(c, -8), 24).map((q) => ({ value: q, label: q }))} />
                <TextField id="horizon-quarters" name="horizon.quarters" label={t("scenarios.fields.horizonQuarters", { max: MAX_HORIZON })} defaultValue={c.horizon.quarters} inputMode="numeric" />
                <TextField id="start-window" name="startWindow" label={t("scenarios.fields.startWindow", { max: MAX_START_WINDOW })} help={t("scenarios.fields.startWindowHelp")} defaultValue={c.startWindow} inputMode="numeric" />
              </fieldset>
              <fieldset className="grid gap-3 md:grid-cols-2">
                <legend className="mb-2 font-semibold">{t("scenarios.fields.initiativesLegend")}</legend>
                <TextField id="include" name="include" label={t("scenarios.fields.include")} help={t("scenarios.fields.numbersHelp")} defaultValue={c.include.map((x) => numberOf(x)).join(", ")} />
                <TextField id="exclude" name="exclude" label={t("scenarios.fields.exclude")} help={t("scenarios.fields.excludeHelp")} defaultValue={c.exclude.map((x) => numberOf(x)).join(", ")} />
                <TextAreaField id="starts" name="starts" label={t("scenarios.fields.starts")} help={t("scenarios.fields.startsHelp")} defaultValue={c.starts.map((s) => `${numberOf(s.initiativeId)} ${s.quarter}`).join("\n")} rows={3} />
                <TextAreaField id="dependencies" name="dependencies" label={t("scenarios.fields.dependencies")} help={t("scenarios.fields.dependenciesHelp")} defaultValue={c.dependencies.map((d) => `${numberOf(d.initiativeId)} ${numberOf(d.requiresId)}`).join("\n")} rows={3} />
              </fieldset>
              <fieldset className="space-y-3">
                <legend className="mb-2 font-semibold">{t("scenarios.fields.capacityLegend")}</legend>
                <p className="text-sm text-slate-700">{t("scenarios.fields.capacityHelp")}</p>
                <input type="hidden" name="capacityRows" value={c.capacity.length + 2} />
                {[...c.capacity, null, null].map((row, i) => (
                  <div key={i} className="grid gap-3 md:grid-cols-4" data-testid="capacity-row">
                    <SelectField id={`capacity-${i}-pool`} name={`capacity.${i}.poolId`} label={t("scenarios.fields.pool")} empty="–" defaultValue={row?.poolId ?? ""} options={Object.entries(plan.labels.pools).map(([value, label]) => ({ value, label }))} />
                    <SelectField id={`capacity-${i}-from`} name={`capacity.${i}.from`} label={t("scenarios.fields.from")} defaultValue={row?.from ?? c.horizon.from} options={quarters.map((q) => ({ value: q, label: q }))} />
                    <SelectField id={`capacity-${i}-to`} name={`capacity.${i}.to`} label={t("scenarios.fields.to")} empty={t("scenarios.fields.toEnd")} defaultValue={row?.to ?? ""} options={quarters.map((q) => ({ value: q, label: q }))} />
                    <TextField id={`capacity-${i}-hours`} name={`capacity.${i}.hoursPerQuarter`} label={t("scenarios.fields.hoursPerQuarter")} defaultValue={row?.hoursPerQuarter ?? ""} inputMode="numeric" />
                  </div>
                ))}
              </fieldset>
              <fieldset className="grid gap-3 md:grid-cols-3">
                <legend className="mb-2 font-semibold">{t("scenarios.fields.boundsLegend")}</legend>
                <TextField id="balance-tolerance" name="balanceTolerancePercent" label={t("scenarios.fields.balanceTolerance")} help={t("scenarios.fields.balanceToleranceHelp")} defaultValue={c.balanceTolerancePercent ?? ""} inputMode="numeric" />
                <SelectField id="balance-measure" name="balanceMeasure" label={t("scenarios.fields.balanceMeasure")} defaultValue={c.balanceMeasure} options={(["effort", "cost", "count"] as const).map((m) => ({ value: m, label: t(`scenarios.measure.${m}`) }))} />
                <TextField id="equity-floor" name="equityFloorPercent" label={t("scenarios.fields.equityFloor")} help={t("scenarios.fields.equityFloorHelp")} defaultValue={c.equityFloorPercent ?? ""} inputMode="numeric" />
              </fieldset>
              <fieldset className="space-y-3">
                <legend className="mb-2 font-semibold">{t("scenarios.fields.weightsLegend")}</legend>
                <div className="flex items-center gap-2">
                  <input id="own-weights" name="ownWeights" type="checkbox" defaultChecked={!!c.weights} className="h-5 w-5" />
                  <label htmlFor="own-weights">{t("scenarios.fields.ownWeights")}</label>
                </div>
                <div className="grid gap-3 md:grid-cols-5">
                  {SCORE_KEYS.map((key) => (
                    <TextField key={key} id={`weight-${key}`} name={`weights.${key}`} label={t(`portfolio.components.${key}`)} defaultValue={(c.weights ?? liveWeights)[key]} inputMode="numeric" />
                  ))}
                </div>
                <FieldError name="weights" />
              </fieldset>
            </ActionForm>
          </ClientMessages>
        </section>
      ) : null}

      {mayWrite && !scenario.onAgenda.length ? (
        <section aria-labelledby="delete-title" className={box}>
          <h2 id="delete-title" className="text-xl font-semibold">{t("scenarios.deleteTitle")}</h2>
          <ClientMessages namespaces={["validation"]}>
            <ActionForm
              action={deleteScenarioAction.bind(null, scenario.id)}
              submitLabel={t("scenarios.delete")}
              messages={messages}
              testId="delete-form"
              confirm={{ title: t("scenarios.confirmDelete.title"), body: t("scenarios.confirmDelete.body", { name: scenario.name }), confirm: t("scenarios.confirmDelete.confirm"), cancel: t("scenarios.confirmDelete.cancel") }}
            >
              <p>{t("scenarios.deleteIntro")}</p>
            </ActionForm>
          </ClientMessages>
        </section>
      ) : null}
    </div>
  );
}
