import type { Metadata } from "next";
import Link from "next/link";
import { redirect } from "next/navigation";
import { getFormatter, getTranslations } from "next-intl/server";
import { can } from "@/lib/auth/policy";
import { ROLES } from "@/lib/auth/roles";
import { requireUser } from "@/lib/auth/session";
import { listDepartments } from "@/lib/server/organisation";
import { listUsers } from "@/lib/server/users";
import { parseInput } from "@/lib/server/errors";
import { userQuery } from "@/lib/validation/users";
import { ClientMessages } from "@/components/ui/ClientMessages";
import { FilterForm } from "@/components/ui/FilterForm";
import { Pagination } from "@/components/ui/Pagination";
import { TableHeader } from "@/components/ui/TableHeader";
import { CreateUserForm } from "@/components/settings/CreateUserForm";
import { PersonStatus } from "@/components/settings/PersonStatus";
import { SettingsBack } from "@/components/settings/SettingsBack";
import { createUserAction } from "./actions";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("people"))("title") };
}

const KEYS = ["q", "role", "departmentId", "active", "page"] as const;

export default async function PeoplePage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const user = await requireUser();
  if (!can(user, "admin.users")) redirect("/settings?denied=users");
  const raw = await searchParams;
  const given = Object.fromEntries(KEYS.flatMap((k) => (typeof raw[k] === "string" && raw[k] ? [[k, raw[k] as string]] : [])));
  // A hand-edited address with a bad filter shows everyone rather than an error.
  const filter = userQuery.safeParse(given).success ? given : {};
  const [t, format, page, units] = await Promise.all([getTranslations(), getFormatter(), listUsers(user, filter), listDepartments(user)]);
  const parsed = parseInput(userQuery, filter);
  const href = (n: number) => `/settings/users?${new URLSearchParams({ ...filter, page: String(n) }).toString()}`;
  const cell = "py-2 pr-3 align-top";
  const active = units.filter((u) => u.active);
  return (
    <div className="space-y-8">
      <SettingsBack />
      <div>
        <h1 className="text-3xl font-bold">{t("people.title")}</h1>
        <p className="mt-2 max-w-3xl">{t("people.intro")}</p>
      </div>

      <section aria-labelledby="add-person" className="space-y-3 rounded border border-slate-300 p-4">
        <h2 id="add-person" className="text-xl font-semibold">{t("people.addTitle")}</h2>
        <p className="max-w-3xl">{t("people.addIntro")}</p>
        <ClientMessages namespaces={["people", "validation", "roles"]}>
          <CreateUserForm action={createUserAction} roles={ROLES} departments={active.map((d) => ({ id: d.id, name: d.name }))} />
        </ClientMessages>
      </section>

      <section aria-labelledby="people-list" className="space-y-3">
        <h2 id="people-list" className="text-xl font-semibold">{t("people.listTitle", { count: page.total })}</h2>
        <FilterForm
          action="/settings/users"
          label={t("people.filterLabel")}
          idPrefix="people"
          search={{ label: t("people.search"), value: parsed.q ?? "" }}
          selects={[
            { name: "role", label: t("people.fields.role"), value: parsed.role ?? "", all: t("people.all"), options: ROLES.map((r) => ({ value: r, label: t(`roles.${r}`) })) },
            { name: "departmentId", label: t("people.fields.department"), value: parsed.departmentId ?? "", all: t("people.all"), options: units.map((d) => ({ value: d.id, label: d.name })) },
            { name: "active", label: t("people.fields.status"), value: given.active ?? "", all: t("people.all"), options: [{ value: "true", label: t("people.activeOnly") }, { value: "false", label: t("people.inactiveOnly") }] },
          ]}
          apply={t("people.apply")}
          reset={{ href: "/settings/users", label: t("people.reset") }}
          testId="people-filter"
        />
        {page.data.length === 0 ? (
          <p>{t("people.none")}</p>
        ) : (
          <div className="overflow-x-auto">
            <table className="w-full text-left text-sm" data-testid="people-table">
              <caption className="sr-only">{t("people.listCaption")}</caption>
              <TableHeader
                columns={[
                  { label: t("people.fields.name"), className: cell },
                  { label: t("people.fields.email"), className: cell },
                  { label: t("people.fields.role"), className: cell },
                  { label: t("people.fields.department"), className: cell },
                  { label: t("people.fields.status"), className: cell },
                  { label: t("people.fields.lastSignInAt"), className: cell },
                ]}
              />
              <tbody>
                {page.data.map((p) => (
                  <tr key={p.id} className="border-b border-slate-200" data-testid={`person-row-${p.email}`}>
                    <th scope="row" className={`${cell} font-medium`}>
                      <Link href={`/settings/users/${p.id}`} className="text-brand-800 underline">{p.name}</Link>
                    </th>
                    <td className={cell}>{p.email}</td>
                    <td className={cell}>{t(`roles.${p.role}`)}{p.ssoManaged ? <span className="block text-slate-700">{t("people.viaSso")}</span> : null}</td>
                    <td className={cell}>{p.departmentName ?? "–"}</td>
                    <td className={cell}><PersonStatus status={p.status} label={t(`people.status.${p.status}`)} /></td>
                    <td className={cell}>{p.lastSignInAt ? format.dateTime(p.lastSignInAt, { dateStyle: "medium", timeStyle: "short" }) : t("people.never")}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        )}
        <Pagination page={page.page} pages={page.pages} href={href} label={t("people.pages")} />
      </section>
    </div>
  );
}
