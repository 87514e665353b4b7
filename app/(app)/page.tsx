import { getTranslations } from "next-intl/server";
import { can, type Action } from "@/lib/auth/policy";
import { requireUser } from "@/lib/auth/session";
import { unreadNotifications } from "@/lib/server/notifications";
import { portfolioSummary } from "@/lib/server/portfolio-summary";
import Link from "next/link";

// Each thing a role can do leads to where it is done.
const CAPABILITIES: { action: Action; href: string }[] = [
  { action: "initiative.create", href: "/initiatives/new" },
  { action: "triage.perform", href: "/triage" },
  { action: "portfolio.decide", href: "/portfolio" },
  { action: "resource.allocate", href: "/resources" },
  { action: "admin.users", href: "/settings" },
  { action: "initiative.read", href: "/initiatives" },
];
// Pages outside the settings that send a person here when their role may not use them.
const DENIED = new Set(["triage", "newInitiative", "portfolioSettings"]);

export default async function HomePage({ searchParams }: { searchParams: Promise<{ denied?: string }> }) {
  const user = await requireUser();
  const { denied } = await searchParams;
  const [t, summary, notifications] = await Promise.all([getTranslations(), portfolioSummary(), unreadNotifications(user.id)]);
  const capabilities = CAPABILITIES.filter((c) => can(user, c.action));
  const figures = [
    { label: t("home.initiativesTotal"), value: summary.total },
    { label: t("home.awaitingTriage"), value: summary.awaitingTriage },
    { label: t("home.approvedNotStarted"), value: summary.approvedNotStarted },
    { label: t("home.inProgress"), value: summary.inProgress },
  ];
  return (
    <div className="space-y-8">
      {denied && DENIED.has(denied) ? (
        <p role="alert" className="rounded border-2 border-amber-700 bg-amber-50 p-3 font-medium" data-testid="denied">
          {t("app.denied", { page: t(`home.deniedPages.${denied as "triage"}`) })}
        </p>
      ) : null}
      <section aria-labelledby="welcome">
        <h1 id="welcome" className="text-3xl font-bold">
          {t("home.title", { name: user.name })}
        </h1>
        <p className="mt-2 text-lg" data-testid="role-line">
          {t("home.roleLine", { role: t(`roles.${user.role}`) })}{" "}
          {user.departmentName ? t("home.departmentLine", { department: user.departmentName }) : t("home.noDepartment")}
        </p>
      </section>
      {notifications.length ? (
        <section aria-labelledby="messages" className="rounded border-2 border-amber-700 bg-amber-50 p-4">
          <h2 id="messages" className="text-xl font-semibold">{t("notification.title")}</h2>
          <ul className="mt-2 space-y-1" data-testid="notifications">
            {notifications.map((n) => (
              <li key={n.id}>
                {n.initiative ? (
                  <Link href={`/initiatives/${n.initiative.id}`} className="font-medium text-brand-800 underline">
                    {t.has(`notification.${n.kind}`) ? t(`notification.${n.kind}` as never, (n.params ?? {}) as never) : n.kind}
                  </Link>
                ) : (
                  n.kind
                )}
              </li>
            ))}
          </ul>
        </section>
      ) : null}
      <section aria-labelledby="can-do">
        <h2 id="can-do" className="text-xl font-semibold">
          {t("home.whatYouCanDo")}
        </h2>
        <ul className="mt-3 list-disc space-y-1 pl-6">
          {capabilities.map(({ action, href }) => (
            <li key={action}>
              <Link href={href} className="text-brand-800 underline underline-offset-2">
                {t(`home.capabilities.${action.replace(".", "_") as "initiative_create"}`)}
              </Link>
            </li>
          ))}
        </ul>
      </section>
      <section aria-labelledby="overview">
        <h2 id="overview" className="text-xl font-semibold">
          {t("home.overview")}
        </h2>
        <dl className="mt-3 grid grid-cols-2 gap-4 md:grid-cols-4">
          {figures.map((f) => (
            <div key={f.label} className="rounded border border-slate-300 p-4">
              <dt className="text-sm text-slate-700">{f.label}</dt>
              <dd className="text-3xl font-bold text-brand-800">{f.value}</dd>
            </div>
          ))}
        </dl>
      </section>
    </div>
  );
}
