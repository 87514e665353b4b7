import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { can } from "@/lib/auth/policy";
import { requireUser } from "@/lib/auth/session";
import { NotFoundError } from "@/lib/server/errors";
import { getProgram, programFormOptions } from "@/lib/server/programs";
import { ProgramForm } from "@/components/programs/ProgramForm";
import { updateProgramAction } from "../../actions";

type Props = { params: Promise<{ id: string }> };

async function load(id: string) {
  const user = await requireUser();
  const program = await getProgram(user, id).catch((e) => {
    if (e instanceof NotFoundError) notFound();
    throw e;
  });
  return { user, program };
}

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
