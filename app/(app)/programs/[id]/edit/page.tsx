import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { can } from "@/lib/auth/policy";
import { requireUser } from "@/lib/auth/session";
import { getProgram, programFormOptions } from "@/lib/server/programs";
import { ProgramForm } from "@/components/programs/ProgramForm";
import { updateProgramAction } from "../../actions";
import { cache } from "react";
import { orNotFound } from "@/lib/server/or-not-found";

type Props = { params: Promise<{ id: string }> };

// Per render: the metadata and the page share one read.
const load = cache(async (id: string) => {
  const user = await requireUser();
  return { user, program: await orNotFound(getProgram(user, id)) };
});

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const { program } = await load((await params).id);
  const t = await getTranslations("programs");
  return { title: t("form.editTitle", { name: program.name }) };
}

export default async function EditProgramPage({ params }: Props) {
  const { user, program: p } = await load((await params).id);
  const t = await getTranslations();
  if (!can(user, "program.manage")) {
    return (
      <div className="space-y-4">
        <h1 className="text-3xl font-bold">{t("programs.form.editTitle", { name: p.name })}</h1>
        <p>{t("programs.form.notAllowed")}</p>
      </div>
    );
  }
  const options = await programFormOptions();
  return (
    <div className="space-y-6">
      <h1 className="text-3xl font-bold">{t("programs.form.editTitle", { name: p.name })}</h1>
      <ProgramForm
        action={updateProgramAction.bind(null, p.id, p.updatedAt.toISOString())}
        submitLabel={t("programs.form.save")}
        values={{ name: p.name, targetState: p.targetState, leaderId: p.leader?.id ?? null, councilIds: p.council.map((c) => c.id), goalIds: p.goals.map((g) => g.id) }}
        users={options.users}
        goals={options.goals}
      />
    </div>
  );
}
