import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { can } from "@/lib/auth/policy";
import { requireUser } from "@/lib/auth/session";
import { programFormOptions } from "@/lib/server/programs";
import { ProgramForm } from "@/components/programs/ProgramForm";
import { createProgramAction } from "../actions";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("programs"))("new") };
}

export default async function NewProgramPage() {
  const user = await requireUser();
  const t = await getTranslations();
  if (!can(user, "program.manage")) {
    return (
      <div className="space-y-4">
        <h1 className="text-3xl font-bold">{t("programs.new")}</h1>
        <p>{t("programs.form.notAllowed")}</p>
      </div>
    );
  }
  const options = await programFormOptions();
  return (
    <div className="space-y-6">
      <h1 className="text-3xl font-bold">{t("programs.new")}</h1>
      <p className="max-w-3xl">{t("programs.form.intro")}</p>
      <ProgramForm action={createProgramAction} submitLabel={t("programs.form.create")} users={options.users} goals={options.goals} />
    </div>
  );
}
