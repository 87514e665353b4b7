import type { Metadata } from "next";
import Link from "next/link";
import { cache } from "react";
import { redirect } from "next/navigation";
import { getFormatter, getTranslations } from "next-intl/server";
import { can } from "@/lib/auth/policy";
import { requireUser } from "@/lib/auth/session";
import { QUADRANTS } from "@/lib/domain/pios";
import { similarInitiatives } from "@/lib/server/similar-initiatives";
import { triageView } from "@/lib/server/triage";
import { orNotFound } from "@/lib/server/or-not-found";
import { KINDS, SIZES, TRACKS } from "@/lib/validation/triage";
import { ActionForm, FieldError } from "@/components/ui/ActionForm";
import { ClientMessages } from "@/components/ui/ClientMessages";
import { TriageDecisionFields } from "@/components/triage/TriageDecisionFields";
import { approveFastLaneAction, decideTriageAction, requestInfoAction } from "../actions";
import { GlossaryTerms } from "@/components/ui/GlossaryTerms";

// Per render: the metadata and the page share one read.
const load = cache(async (id: string) => {
  const user = await requireUser();
  if (!can(user, "triage.perform")) redirect("/?denied=triage");
  return { user, view: await orNotFound(triageView(user, id)) };
});

// The initiative's own title, so two triage tabs can be told apart.
export async function generateMetadata({ params }: { params: Promise<{ id: string }> }): Promise<Metadata> {
  const { view } = await load((await params).id);
  return { title: (await getTranslations("triage"))("pageTitle", { title: view.initiative.title }) };
}

type Reason = { code: string; params?: Record<string, string | number> };

export default async function TriagePanelPage({ params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  const { user, view } = await load(id);
  const { initiative: i, suggestion: s } = view;
  if (i.status !== "SUBMITTED") redirect(`/initiatives/${i.id}`);
  const [t, format, similar] = await Promise.all([getTranslations(), getFormatter(), similarInitiatives(user, { title: i.title, need: i.need, excludeId: i.id })]);
  const reasonText = (r: Reason) => {
    const key = `classifier.reasons.${r.code}`;
    return t.has(key) ? t(key as never, (r.params ?? {}) as never) : r.code;
  };
  const reasons = (list: Reason[]) => (
    <ul className="ml-5 list-disc text-sm text-slate-800">
      {list.map((r, n) => <li key={n}>{reasonText(r)}</li>)}
    </ul>
  );
  const pct = (c: number) => t("triage.confidence", { percent: Math.round(c * 100) });
  const statedQuadrant = s.quadrant.stated ?? s.quadrant.suggested ?? "INTERNAL_EFFICIENCY";
  const messages = { INVALID_STATUS: t("triage.taken"), VERSION_CONFLICT: t("triage.taken"), FORBIDDEN: t("initiative.forbidden"), default: t("initiative.error") };
  // Why the fast lane is closed, if it is: the first rule the suggestion or the cost fails, said in a whole sentence.
  const notEligible =
    s.kind.value !== "BUSINESS_DEVELOPMENT" ? "kind"
    : s.size.value !== "SMALL" ? "size"
    : s.track.value !== "FAST_LANE" ? "track"
    : i.estimatedCostSek === null ? "noCost"
    : i.estimatedCostSek > view.delegationLimitSek ? "overLimit"
    : null;
  const eligible = notEligible === null;
  const limit = format.number(view.delegationLimitSek);
  const box = "space-y-3 rounded border border-slate-300 p-4";

  return (
    <div className="space-y-8">
      <header className="space-y-2">
        <p className="text-slate-700">{`#${i.number} · ${i.ownerDepartment.name}`}</p>
        <h1 className="text-3xl font-bold">{t("triage.panelTitle", { title: i.title })}</h1>
        <Link href={`/initiatives/${i.id}`} className="font-medium text-brand-800 underline">{t("triage.fullPage")}</Link>
        <GlossaryTerms terms={["pios", "tracks", "delegation", "replacement", "hygiene"]} />
      </header>

      <section aria-labelledby="need-title" className="space-y-2">
        <h2 id="need-title" className="text-xl font-semibold">{t("initiative.fields.need")}</h2>
        <p className="whitespace-pre-line">{i.need}</p>
        <dl className="grid gap-x-6 gap-y-1 md:grid-cols-[16rem_1fr]">
          <dt className="font-medium">{t("initiative.fields.estimatedCostSek")}</dt>
          <dd>{i.estimatedCostSek === null ? t("initiative.unknownValue") : t("initiative.sek", { value: format.number(i.estimatedCostSek) })}</dd>
          <dt className="font-medium">{t("initiative.fields.estimatedEffortHours")}</dt>
          <dd>{i.estimatedEffortHours === null ? t("initiative.unknownValue") : t("initiative.hours", { value: format.number(i.estimatedEffortHours) })}</dd>
          <dt className="font-medium">{t("initiative.fields.quadrant")}</dt>
          <dd>{s.quadrant.stated ? t(`quadrant.${s.quadrant.stated}`) : t("initiative.noValue")}</dd>
          <dt className="font-medium">{t("triage.columns.completeness")}</dt>
          <dd>{t("portfolio.percent", { value: format.number(view.completeness) })}</dd>
        </dl>
      </section>

      <section aria-labelledby="suggestion-title" className="space-y-3" data-testid="suggestion">
        <h2 id="suggestion-title" className="text-xl font-semibold">{t("triage.suggestionTitle")}</h2>
        <div>
          <p><strong>{t("initiative.fields.kind")}:</strong> {`${t(`kind.${s.kind.value}`)} (${pct(s.kind.confidence)})`}</p>
          {reasons(s.kind.reasons)}
        </div>
        <div>
          <p><strong>{t("initiative.fields.size")}:</strong> {`${s.size.value ? t(`size.${s.size.value}`) : t("triage.sizeUnknown")} (${pct(s.size.confidence)})`}</p>
          {reasons(s.size.reasons)}
        </div>
        <div>
          <p><strong>{t("initiative.fields.track")}:</strong> {s.track.value ? t(`track.${s.track.value}`) : t("triage.trackUnknown")}</p>
          {reasons(s.track.reasons)}
        </div>
        <div>
          <p><strong>{t("initiative.fields.quadrant")}:</strong> {s.quadrant.stated ? t(`quadrant.${s.quadrant.stated}`) : t("initiative.noValue")}</p>
          {s.quadrant.flagged && s.quadrant.suggested && s.quadrant.stated ? (
            <p className="font-medium text-amber-900">{t("triage.quadrantFlag", { suggested: s.quadrant.suggested, stated: s.quadrant.stated })}</p>
          ) : null}
          {reasons(s.quadrant.reasons)}
        </div>
        <h3 className="font-semibold">{t("triage.columns.checks")}</h3>
        {view.checks.length ? (
          <ul className="ml-5 list-disc font-medium text-amber-900" data-testid="checks">
            {view.checks.map((c) => <li key={c}>{t(`triage.checks.${c as "replacementWithoutDevelopment"}`)}</li>)}
          </ul>
        ) : (
          <p>{t("triage.noChecks")}</p>
        )}
        <h3 className="font-semibold">{t("initiative.similar.title")}</h3>
        {similar.length ? (
          <ul className="ml-5 list-disc">
            {similar.map((m) => (
              <li key={m.id}>
                <Link href={`/initiatives/${m.id}`} className="text-brand-800 underline">{`#${m.number} ${m.title}`}</Link>{` (${m.department}, ${t("initiative.similar.match", { percent: Math.round(m.score * 100) })})`}
              </li>
            ))}
          </ul>
        ) : (
          <p>{t("initiative.similar.none")}</p>
        )}
      </section>

      <ClientMessages namespaces={["triage", "validation"]}>
        <section aria-labelledby="decide-title" className={box}>
          <h2 id="decide-title" className="text-xl font-semibold">{t("triage.decideTitle")}</h2>
          <ActionForm action={decideTriageAction.bind(null, i.id, i.number, i.version)} submitLabel={t("triage.confirm")} messages={messages} testId="decide-form">
            <TriageDecisionFields
              choices={[
                { name: "kind", label: t("initiative.fields.kind"), suggested: s.kind.value, options: KINDS.map((v) => ({ value: v, label: t(`kind.${v}`) })) },
                { name: "size", label: t("initiative.fields.size"), suggested: s.size.value ?? "MEDIUM", options: SIZES.map((v) => ({ value: v, label: t(`size.${v}`) })) },
                { name: "track", label: t("initiative.fields.track"), suggested: s.track.value ?? "PORTFOLIO", options: TRACKS.map((v) => ({ value: v, label: t(`track.${v}`) })) },
                { name: "quadrant", label: t("initiative.fields.quadrant"), suggested: statedQuadrant, options: QUADRANTS.map((v) => ({ value: v, label: t(`quadrant.${v}`) })) },
              ]}
            />
          </ActionForm>
        </section>

        <section aria-labelledby="request-title" className={box}>
          <h2 id="request-title" className="text-xl font-semibold">{t("triage.requestTitle")}</h2>
          <ActionForm action={requestInfoAction.bind(null, i.id, i.number, i.version)} submitLabel={t("triage.request")} messages={messages} testId="request-form">
            <label htmlFor="message" className="font-medium">{t("triage.requestMessage")}</label>
            <textarea id="message" name="message" rows={3} required className="block w-full rounded border border-slate-500 px-3 py-2" />
            <FieldError name="message" />
          </ActionForm>
        </section>

        <section aria-labelledby="fast-title" className={box}>
          <h2 id="fast-title" className="text-xl font-semibold">{t("triage.fastLaneTitle")}</h2>
          {eligible ? (
            <ActionForm action={approveFastLaneAction.bind(null, i.id, i.number, i.version)} submitLabel={t("triage.approve")} messages={messages} testId="fast-form">
              <p>{t("triage.fastLaneIntro", { limit })}</p>
              <input type="hidden" name="quadrant" value={statedQuadrant} />
              <label htmlFor="rationale" className="font-medium">{t("triage.rationale")}</label>
              <textarea id="rationale" name="rationale" rows={2} required className="block w-full rounded border border-slate-500 px-3 py-2" />
              <FieldError name="rationale" />
            </ActionForm>
          ) : (
            <p data-testid="fast-lane-closed">{t("triage.fastLaneNotEligible", { reason: notEligible ?? "other", size: s.size.value ?? "UNKNOWN", limit, cost: format.number(i.estimatedCostSek ?? 0) })}</p>
          )}
        </section>
      </ClientMessages>
    </div>
  );
}
