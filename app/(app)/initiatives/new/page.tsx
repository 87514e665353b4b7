import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { redirect } from "next/navigation";
import { can } from "@/lib/auth/policy";
import { requireUser } from "@/lib/auth/session";
import { upcomingQuarters } from "@/lib/domain/quarters";
import { formOptions } from "@/lib/server/initiatives";
import { ClientMessages } from "@/components/ui/ClientMessages";
import { InitiativeForm } from "@/components/initiatives/InitiativeForm";
import { toFormValues } from "@/components/initiatives/form-values";
import { findSimilarAction, saveInitiativeAction } from "../actions";
import { GlossaryTerms } from "@/components/ui/GlossaryTerms";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("initiative"))("newTitle") };
}

export default async function NewInitiativePage() {
  const user = await requireUser();
  if (!can(user, "initiative.create")) redirect("/?denied=newInitiative");
  const [t, options] = await Promise.all([getTranslations("initiative"), formOptions()]);
  // Managers register for their own department; admins for any.
  const departments = user.role === "ADMIN" ? options.departments : options.departments.filter((d) => d.id === user.departmentId);
  return (
    <div className="space-y-6">
      <h1 className="text-3xl font-bold">{t("newTitle")}</h1>
      <p className="max-w-3xl">{t("newIntro")}</p>
      <GlossaryTerms terms={["pios", "replacement", "hygiene", "quarter"]} />
      <ClientMessages>
        <InitiativeForm
          initial={toFormValues(null, user.departmentId ?? departments[0]?.id ?? "")}
          departments={departments}
          goals={options.goals}
          quarters={upcomingQuarters(new Date(), 12)}
          save={saveInitiativeAction}
          findSimilar={findSimilarAction}
        />
      </ClientMessages>
    </div>
  );
}
