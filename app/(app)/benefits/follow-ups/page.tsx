import type { Metadata } from "next";
import { getLocale, getTranslations } from "next-intl/server";
import { requireUser } from "@/lib/auth/session";
import { can } from "@/lib/auth/policy";
import { listFollowUps } from "@/lib/server/benefits";
import { FOLLOW_UP_SCOPES, FOLLOW_UP_STATES, followUpQuery } from "@/lib/validation/benefits";
import { pageNumber } from "@/lib/validation/common";
import { FollowUpTable } from "@/components/benefits/FollowUpTable";
import { FilterSelect } from "@/components/ui/FilterSelect";
import { Pagination } from "@/components/ui/Pagination";
import { wordFollowUps } from "../follow-up-words";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("benefits.list"))("title") };
}

const PAGE_SIZE = 20;

/** Every follow-up the reader may see, filtered by whose and state, a page at a time. */
export default async function FollowUpsPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const user = await requireUser();
  const raw = await searchParams;
  // Only the choices this reader has: everyone's for the central roles, the department's for its managers.
  const scopes = FOLLOW_UP_SCOPES.filter((s) => s === "mine" || (s === "department" ? user.role === "DEPARTMENT_MANAGER" && !!user.departmentId : can(user, "benefit.followUpsOfAll")));
  const one = (v: string | string[] | undefined) => (Array.isArray(v) ? v[0] : v);
  const parsed = followUpQuery.safeParse({ scope: one(raw.scope), state: one(raw.state) });
  const chosen = parsed.success ? parsed.data : { scope: "mine" as const, state: "open" as const };
  const query = { scope: scopes.includes(chosen.scope) ? chosen.scope : "mine", state: chosen.state, page: pageNumber.catch(1).parse(one(raw.page)) };
  const [t, locale, list] = await Promise.all([getTranslations("benefits"), getLocale(), listFollowUps(user, { ...query, pageSize: PAGE_SIZE })]);
  const { rows, columns } = await wordFollowUps(locale);
  const href = (page: number) => `/benefits/follow-ups?scope=${query.scope}&state=${query.state}&page=${page}`;
  return (
    <div className="space-y-6">
      <div>
        <p><a href="/benefits" className="font-medium text-brand-800 underline">{t("list.back")}</a></p>
        <h1 className="mt-2 text-3xl font-bold">{t("list.title")}</h1>
        <p className="mt-2 max-w-3xl">{t("list.intro")}</p>
      </div>
      <form method="get" action="/benefits/follow-ups" className="flex flex-wrap items-end gap-3" aria-label={t("list.title")}>
        <FilterSelect idPrefix="follow-ups" name="scope" label={t("list.scope")} value={query.scope} options={scopes.map((s) => ({ value: s, label: t(`list.scopes.${s}`) }))} />
        <FilterSelect idPrefix="follow-ups" name="state" label={t("list.state")} value={query.state} options={FOLLOW_UP_STATES.map((s) => ({ value: s, label: t(`list.states.${s}`) }))} />
        <button type="submit" className="rounded bg-brand-700 px-4 py-2 font-semibold text-white hover:bg-brand-800">{t("list.show")}</button>
      </form>
      <p role="status" data-testid="follow-up-count">{t("list.count", { total: list.total })}</p>
      {list.total ? <FollowUpTable caption={t("list.title")} rows={rows(list.data)} columns={columns} testId="follow-up-list" /> : <p>{t("list.none")}</p>}
      <Pagination page={list.page} pages={list.pages} href={href} label={t("list.pages")} />
    </div>
  );
}
