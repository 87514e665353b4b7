import type { Metadata } from "next";
import Link from "next/link";
import { redirect } from "next/navigation";
import { cache } from "react";
import { getFormatter, getTranslations } from "next-intl/server";
import { can } from "@/lib/auth/policy";
import { ROLES } from "@/lib/auth/roles";
import { requireUser } from "@/lib/auth/session";
import { listDepartments } from "@/lib/server/organisation";
import { orNotFound } from "@/lib/server/or-not-found";
import { getUser } from "@/lib/server/users";
import { ClientMessages } from "@/components/ui/ClientMessages";
import { ConfirmAction } from "@/components/ui/ConfirmAction";
import { PasswordLinkButton } from "@/components/settings/PasswordLinkButton";
import { PersonStatus } from "@/components/settings/PersonStatus";
import { UserForm } from "@/components/settings/UserForm";
import { issuePasswordLinkAction, setUserActiveAction, updateUserAction } from "../actions";

const load = cache(async (id: string) => {
  const user = await requireUser();
  if (!can(user, "admin.users")) redirect("/settings?denied=users");
  return { user, person: await orNotFound(getUser(user, id)) };
});

export async function generateMetadata({ params }: { params: Promise<{ id: string }> }): Promise<Metadata> {
  const { person } = await load((await params).id);
  return { title: person.name };
}

export default async function PersonPage({ params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  const { user, person } = await load(id);
  const [t, format, units] = await Promise.all([getTranslations(), getFormatter(), listDepartments(user)]);
  // Active units, and the one the person is in even if it has since been deactivated.
  const departments = units.filter((u) => u.active || u.id === person.departmentId).map((u) => ({ id: u.id, name: u.name }));
  return (
    <div className="space-y-8">
      <p><Link href="/settings/users" className="font-medium text-brand-800 underline">{t("people.back")}</Link></p>
      <div className="space-y-2">
        <h1 className="text-3xl font-bold">{person.name}</h1>
        <p className="flex flex-wrap items-center gap-3">
          <span>{person.email}</span>
          <PersonStatus status={person.status} label={t(`people.status.${person.status}`)} />
          {person.ssoManaged ? <span>{t("people.viaSsoLong")}</span> : null}
        </p>
        <p className="text-slate-700">
          {person.lastSignInAt ? t("people.lastSignIn", { at: format.dateTime(person.lastSignInAt, { dateStyle: "long", timeStyle: "short" }) }) : t("people.neverSignedIn")}
        </p>
      </div>

      <section aria-labelledby="edit-person" className="space-y-3 rounded border border-slate-300 p-4">
        <h2 id="edit-person" className="text-xl font-semibold">{t("people.editTitle")}</h2>
        <ClientMessages namespaces={["people", "validation", "roles"]}>
          <UserForm action={updateUserAction.bind(null, person.id, person.version)} values={person} roles={ROLES} departments={departments} />
        </ClientMessages>
      </section>

      <section aria-labelledby="access" className="space-y-3 rounded border border-slate-300 p-4">
        <h2 id="access" className="text-xl font-semibold">{t("people.accessTitle")}</h2>
        <ClientMessages namespaces={["people"]}>
          {person.active ? (
            <>
              <p className="max-w-3xl">{person.status === "INVITED" ? t("people.invitationIntro") : t("people.resetIntro")}</p>
              <PasswordLinkButton action={issuePasswordLinkAction.bind(null, person.id, person.name)} label={person.status === "INVITED" ? t("people.newInvitation") : t("people.resetPassword")} />
            </>
          ) : (
            <p>{t("people.inactiveNoLink")}</p>
          )}
        </ClientMessages>
        <div>
          <ConfirmAction
            label={person.active ? t("people.deactivate") : t("people.reactivate")}
            title={person.active ? t("people.deactivateTitle", { name: person.name }) : t("people.reactivateTitle", { name: person.name })}
            body={person.active ? t("people.deactivateBody") : t("people.reactivateBody")}
            confirm={person.active ? t("people.deactivateYes") : t("people.reactivateYes")}
            cancel={t("people.cancel")}
            action={setUserActiveAction.bind(null, person.id, person.version, !person.active)}
            messages={{ LAST_ADMIN: t("people.lastAdmin"), VERSION_CONFLICT: t("people.conflict"), default: t("people.error") }}
            danger={person.active}
            testId="person-active"
          />
        </div>
      </section>

      {can(user, "audit.browse") ? (
        <p><Link href={`/settings/audit?entityType=User&entityId=${person.id}`} className="font-medium text-brand-800 underline">{t("people.history")}</Link></p>
      ) : null}
    </div>
  );
}
