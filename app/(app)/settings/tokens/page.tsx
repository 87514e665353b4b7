import type { Metadata } from "next";
import Link from "next/link";
import { redirect } from "next/navigation";
import { getFormatter, getTranslations } from "next-intl/server";
import { TOKEN_ROLES } from "@/lib/auth/api-token";
import { can } from "@/lib/auth/policy";
import { requireUser } from "@/lib/auth/session";
import { listTokens } from "@/lib/server/api-tokens";
import { maxExpiryDate, today } from "@/lib/validation/api-tokens";
import { ClientMessages } from "@/components/ui/ClientMessages";
import { TableHeader } from "@/components/ui/TableHeader";
import { CreateTokenForm } from "@/components/tokens/CreateTokenForm";
import { RevokeTokenButton } from "@/components/tokens/RevokeTokenButton";
import { createTokenAction, revokeTokenAction } from "./actions";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("apiAccess"))("title") };
}

const DAY_MS = 86_400_000;
const addDays = (date: string, days: number) => new Date(Date.parse(`${date}T00:00:00Z`) + days * DAY_MS).toISOString().slice(0, 10);

const STATUS_CLASS = { ACTIVE: "bg-emerald-100 text-emerald-900", EXPIRED: "bg-amber-100 text-amber-900", REVOKED: "bg-slate-200 text-slate-800" } as const;

export default async function TokensPage() {
  const user = await requireUser();
  if (!can(user, "admin.tokens")) redirect("/settings?denied=tokens");
  const [t, format, tokens] = await Promise.all([getTranslations(), getFormatter(), listTokens(user)]);
  const day = (d: Date, timeZone?: string) => format.dateTime(d, { dateStyle: "medium", timeZone });
  const moment = (d: Date | null) => (d ? format.dateTime(d, { dateStyle: "medium", timeStyle: "short" }) : t("apiAccess.never"));
  const now = today();
  const cell = "py-2 pr-3 align-top";
  return (
    <div className="space-y-8">
      <div>
        <h1 className="text-3xl font-bold">{t("apiAccess.title")}</h1>
        <p className="mt-2 max-w-3xl">{t("apiAccess.intro")}</p>
        <p className="mt-2">
          <Link href="/api-docs" className="font-medium text-brand-800 underline">{t("apiAccess.docs.link")}</Link>
        </p>
      </div>

      <section aria-labelledby="create-title" className="space-y-3">
        <h2 id="create-title" className="text-xl font-semibold">{t("apiAccess.createTitle")}</h2>
        <ClientMessages namespaces={["apiAccess", "validation", "roles"]}>
          <CreateTokenForm action={createTokenAction} roles={TOKEN_ROLES} defaultExpiry={addDays(now, 90)} minExpiry={addDays(now, 1)} maxExpiry={maxExpiryDate()} />
        </ClientMessages>
      </section>

      <section aria-labelledby="list-title" className="space-y-3">
        <h2 id="list-title" className="text-xl font-semibold">{t("apiAccess.listTitle")}</h2>
        {tokens.length === 0 ? (
          <p>{t("apiAccess.none")}</p>
        ) : (
          <ClientMessages namespaces={["apiAccess"]}>
          <div className="overflow-x-auto">
            <table className="w-full text-left text-sm" data-testid="token-table">
              <caption className="sr-only">{t("apiAccess.listTitle")}</caption>
              <TableHeader
                columns={[
                  { label: t("apiAccess.fields.name"), className: cell },
                  { label: t("apiAccess.fields.prefix"), className: cell },
                  { label: t("apiAccess.fields.role"), className: cell },
                  { label: t("apiAccess.fields.scopes"), className: cell },
                  { label: t("apiAccess.fields.createdAt"), className: cell },
                  { label: t("apiAccess.fields.expiresAt"), className: cell },
                  { label: t("apiAccess.fields.lastUsedAt"), className: cell },
                  { label: t("apiAccess.fields.status"), className: cell },
                  { label: <span className="sr-only">{t("apiAccess.actions")}</span>, className: cell },
                ]}
              />
              <tbody>
                {tokens.map((token) => (
                  <tr key={token.id} className="border-b border-slate-200" data-testid={`token-row-${token.name}`}>
                    <th scope="row" className={`${cell} font-medium`}>{token.name}</th>
                    <td className={`${cell} font-mono`}>{token.prefix}…</td>
                    <td className={cell}>{t(`roles.${token.role}`)}</td>
                    <td className={cell}>{token.scopes.map((s) => t(`apiAccess.scope.${s}`)).join(", ")}</td>
                    <td className={cell}>
                      {day(token.createdAt)}
                      {token.createdBy ? <span className="block text-slate-700">{t("apiAccess.by", { name: token.createdBy })}</span> : null}
                    </td>
                    {/* The stored instant ends the last valid day (UTC); show that day. */}
                    <td className={cell}>{day(new Date(token.expiresAt.getTime() - 1), "UTC")}</td>
                    <td className={cell}>{moment(token.lastUsedAt)}</td>
                    <td className={cell}>
                      <span className={`rounded px-2 py-0.5 font-medium ${STATUS_CLASS[token.status]}`}>{t(`apiAccess.status.${token.status}`)}</span>
                    </td>
                    <td className={cell}>
                      {token.status === "ACTIVE" ? (
                        <RevokeTokenButton id={token.id} name={token.name} action={revokeTokenAction} />
                      ) : null}
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
          </ClientMessages>
        )}
      </section>
    </div>
  );
}
