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
  // Pickers offer active units and selectable goals, and keep what the initiative already has.
  const current = options.allDepartments.find((d) => d.id === stored.ownerDepartmentId);
  const active = user.role === "ADMIN" ? options.departments : [];
  const departments = current && !active.some((d) => d.id === current.id) ? [...active, current].sort((a, b) => a.name.localeCompare(b.name, "sv")) : active;
  const linked = new Set(stored.goals.map((g) => g.goalId));
  const goals = options.allGoals.filter((g) => linked.has(g.id) || options.goals.some((o) => o.id === g.id));
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
          goals={goals}
          quarters={quarters}
          save={saveInitiativeAction}
          findSimilar={findSimilarAction}
        />
      </ClientMessages>
    </div>
  );
}
