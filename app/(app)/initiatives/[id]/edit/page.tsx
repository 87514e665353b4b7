import type { Metadata } from "next";
import { redirect } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { can } from "@/lib/auth/policy";
import { requireUser } from "@/lib/auth/session";
import { upcomingQuarters } from "@/lib/domain/quarters";
import { formOptions, getEditableInitiative } from "@/lib/server/initiatives";
import { ClientMessages } from "@/components/ui/ClientMessages";
import { InitiativeForm } from "@/components/initiatives/InitiativeForm";
import { toFormValues } from "@/components/initiatives/form-values";
import { findSimilarAction, saveInitiativeAction } from "../../actions";
import { orNotFound } from "@/lib/server/or-not-found";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("initiative"))("editTitle") };
}

export default async function EditInitiativePage({ params }: { params: Promise<{ id: string }> }) {
  const user = await requireUser();
  const { id } = await params;
  const stored = await orNotFound(getEditableInitiative(user, id));
  // Read-only for this user (another department, a viewer, or no longer a draft): show the initiative instead.
  if (!can(user, "initiative.edit", stored)) redirect(`/initiatives/${id}`);
  const [t, options] = await Promise.all([getTranslations("initiative"), formOptions()]);
  const departments = user.role === "ADMIN" ? options.departments : options.departments.filter((d) => d.id === stored.ownerDepartmentId);
  const quarters = upcomingQuarters(new Date(), 12);
  if (stored.desiredStartQuarter && !quarters.includes(stored.desiredStartQuarter)) quarters.unshift(stored.desiredStartQuarter);
  return (
    <div className="space-y-6">
      <h1 className="text-3xl font-bold">{`${t("editTitle")}: ${stored.title}`}</h1>
      <ClientMessages>
        <InitiativeForm
          initiativeId={stored.id}
          version={stored.version}
          initial={toFormValues(stored, stored.ownerDepartmentId)}
          departments={departments}
          goals={options.goals}
          quarters={quarters}
          save={saveInitiativeAction}
          findSimilar={findSimilarAction}
        />
      </ClientMessages>
    </div>
  );
}
