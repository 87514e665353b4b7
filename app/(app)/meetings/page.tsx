import type { Metadata } from "next";
import Link from "next/link";
import { getFormatter, getTranslations } from "next-intl/server";
import { can } from "@/lib/auth/policy";
import { requireUser } from "@/lib/auth/session";
import { listMeetings, type MeetingSummary } from "@/lib/server/meetings";
import { pageNumber } from "@/lib/validation/common";
import { ActionForm, FieldError } from "@/components/ui/ActionForm";
import { ClientMessages } from "@/components/ui/ClientMessages";
import { TableHeader } from "@/components/ui/TableHeader";
import { MeetingStatusBadge } from "@/components/meetings/MeetingStatusBadge";
import { createMeetingAction } from "./actions";
import { Pagination } from "@/components/ui/Pagination";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("meetings"))("title") };
}

const input = "mt-1 block w-full rounded border border-slate-500 px-3 py-2";

export default async function MeetingsPage({ searchParams }: { searchParams: Promise<{ page?: string }> }) {
  const user = await requireUser();
  const params = await searchParams;
  const [t, format, list] = await Promise.all([getTranslations(), getFormatter(), listMeetings(user, { pastPage: pageNumber.catch(1).parse(params.page) })]);
  const date = (iso: string) => format.dateTime(new Date(iso), { dateStyle: "long" });
  const errors = Object.fromEntries(["FORBIDDEN", "default"].map((k) => [k, t(`meetings.errors.${k as "default"}`)]));

  const table = (rows: MeetingSummary[], id: string) => (
    <div className="overflow-x-auto">
      <table className="w-full text-left" aria-labelledby={id} data-testid={id}>
        <TableHeader
          columns={[
            { label: t("meetings.columns.date"), className: "px-2 py-2" },
            { label: t("meetings.columns.title"), className: "px-2 py-2" },
            { label: t("meetings.columns.registryNumber"), className: "px-2 py-2" },
            { label: t("meetings.columns.agenda"), className: "px-2 py-2 text-right" },
            { label: t("meetings.columns.decisions"), className: "px-2 py-2 text-right" },
            { label: t("meetings.columns.status"), className: "px-2 py-2" },
            { label: t("meetings.columns.minutes"), className: "px-2 py-2" },
          ]}
        />
        <tbody>
          {rows.map((m) => (
            <tr key={m.id} className="border-b border-slate-200 align-top">
              <td className="whitespace-nowrap px-2 py-2">{date(m.date)}</td>
              <td className="px-2 py-2">
                <Link href={`/meetings/${m.id}`} className="font-medium text-brand-800 underline-offset-2 hover:underline">{m.title}</Link>
              </td>
              <td className="px-2 py-2">{m.registryNumber ?? t("meetings.noRegistryNumber")}</td>
              <td className="px-2 py-2 text-right tabular-nums">{m.agendaCount}</td>
              <td className="px-2 py-2 text-right tabular-nums">{m.decisionCount}</td>
              <td className="px-2 py-2"><MeetingStatusBadge status={m.status} label={t(`meetings.meetingStatus.${m.status}`)} /></td>
              <td className="px-2 py-2">
                <Link href={`/meetings/${m.id}/minutes`} className="text-brand-800 underline" aria-label={`${t("meetings.minutesLink")}: ${m.title}`}>{t("meetings.minutesLink")}</Link>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );

  return (
    <div className="space-y-8">
      <div>
        <h1 className="text-3xl font-bold">{t("meetings.title")}</h1>
        <p className="mt-2 max-w-3xl">{t("meetings.intro")}</p>
      </div>

      <section aria-labelledby="upcoming" className="space-y-3">
        <h2 id="upcoming" className="text-xl font-semibold">{t("meetings.upcoming")}</h2>
        {list.upcoming.length ? table(list.upcoming, "upcoming-meetings") : <p>{t("meetings.noUpcoming")}</p>}
      </section>

      {can(user, "portfolio.decide") ? (
        <section aria-labelledby="new-meeting" className="space-y-3 rounded border border-slate-300 p-4">
          <h2 id="new-meeting" className="text-xl font-semibold">{t("meetings.newTitle")}</h2>
          <p className="max-w-3xl">{t("meetings.newIntro")}</p>
          <ClientMessages namespaces={["validation"]}>
            <ActionForm action={createMeetingAction} submitLabel={t("meetings.create")} messages={errors} testId="new-meeting-form">
              <div className="grid gap-3 md:grid-cols-3">
                <div className="md:col-span-2">
                  <label htmlFor="meeting-title" className="font-medium">{t("meetings.fields.title")}</label>
                  <input id="meeting-title" name="title" required maxLength={200} className={input} />
                  <FieldError name="title" />
                </div>
                <div>
                  <label htmlFor="meeting-date" className="font-medium">{t("meetings.fields.date")}</label>
                  <input id="meeting-date" name="date" type="date" required className={input} />
                  <FieldError name="date" />
                </div>
                <div>
                  <label htmlFor="meeting-registry" className="font-medium">{t("meetings.fields.registryNumber")}</label>
                  <input id="meeting-registry" name="registryNumber" maxLength={60} className={input} />
                  <FieldError name="registryNumber" />
                </div>
                <div className="md:col-span-2">
                  <label htmlFor="meeting-participants" className="font-medium">{t("meetings.fields.participants")}</label>
                  <textarea id="meeting-participants" name="participants" rows={4} required aria-describedby="participants-help" className={input} />
                  <p id="participants-help" className="text-sm text-slate-700">{t("meetings.participantsHelp")}</p>
                  <FieldError name="participants" />
                </div>
              </div>
            </ActionForm>
          </ClientMessages>
        </section>
      ) : null}

      <section aria-labelledby="past" className="space-y-3">
        <h2 id="past" className="text-xl font-semibold">{t("meetings.past")}</h2>
        {list.past.length ? table(list.past, "past-meetings") : <p>{t("meetings.noPast")}</p>}
        <Pagination page={list.page} pages={list.pages} href={(p) => `/meetings?page=${p}`} />
      </section>
    </div>
  );
}
