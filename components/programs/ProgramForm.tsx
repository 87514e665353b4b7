import { getTranslations } from "next-intl/server";
import { ActionForm, FieldError } from "@/components/ui/ActionForm";
import { ProgramMessages } from "./ProgramMessages";

type State = { ok: boolean; code?: string; issues?: { path: string; message: string }[] } | null;

/** Create or edit a program: name, target state, leader, council and goals. Works without JavaScript. */
export async function ProgramForm(props: {
  action: (prev: State, form: FormData) => Promise<State>;
  submitLabel: string;
  values?: { name: string; targetState: string; leaderId: string | null; councilIds: string[]; goalIds: string[] };
  users: { id: string; name: string; role: string; department: { shortName: string } | null }[];
  goals: { id: string; code: string; title: string }[];
}) {
  const t = await getTranslations();
  const v = props.values ?? { name: "", targetState: "", leaderId: null, councilIds: [], goalIds: [] };
  const input = "mt-1 block w-full rounded border border-slate-500 bg-white px-3 py-2";
  const who = (u: (typeof props.users)[number]) => `${u.name} (${t(`roles.${u.role}` as never)}${u.department ? `, ${u.department.shortName}` : ""})`;
  return (
    <ProgramMessages>
      <ActionForm
        action={props.action}
        submitLabel={props.submitLabel}
        messages={{ NAME_TAKEN: t("programs.validation.nameTaken"), VERSION_CONFLICT: t("programs.form.conflict"), FORBIDDEN: t("initiative.forbidden"), default: t("initiative.error") }}
        testId="program-form"
        className="max-w-3xl space-y-5"
      >
        <div>
          <label htmlFor="program-name" className="font-medium">{t("programs.fields.name")}</label>
          <input id="program-name" name="name" defaultValue={v.name} maxLength={120} className={input} />
          <FieldError name="name" />
        </div>
        <div>
          <label htmlFor="program-target" className="font-medium">{t("programs.fields.targetState")}</label>
          <p id="program-target-hint" className="text-sm text-slate-700">{t("programs.form.targetStateHint")}</p>
          <textarea id="program-target" name="targetState" defaultValue={v.targetState} rows={5} maxLength={4000} aria-describedby="program-target-hint" className={input} />
          <FieldError name="targetState" />
        </div>
        <div>
          <label htmlFor="program-leader" className="font-medium">{t("programs.fields.leader")}</label>
          <select id="program-leader" name="leaderId" defaultValue={v.leaderId ?? ""} className={input}>
            <option value="">{t("programs.form.noLeader")}</option>
            {props.users.map((u) => <option key={u.id} value={u.id}>{who(u)}</option>)}
          </select>
          <FieldError name="leaderId" />
        </div>
        <fieldset>
          <legend className="font-medium">{t("programs.fields.council")}</legend>
          <div className="mt-1 grid max-h-72 gap-1 overflow-y-auto rounded border border-slate-300 p-3 sm:grid-cols-2">
            {props.users.map((u) => (
              <label key={u.id} className="flex items-center gap-2">
                <input type="checkbox" name="councilIds" value={u.id} defaultChecked={v.councilIds.includes(u.id)} className="h-4 w-4" />
                {who(u)}
              </label>
            ))}
          </div>
          <FieldError name="councilIds" />
        </fieldset>
        <fieldset>
          <legend className="font-medium">{t("programs.fields.goals")}</legend>
          <div className="mt-1 space-y-1">
            {props.goals.map((g) => (
              <label key={g.id} className="flex items-start gap-2">
                <input type="checkbox" name="goalIds" value={g.id} defaultChecked={v.goalIds.includes(g.id)} className="mt-1 h-4 w-4" />
                {`${g.code} ${g.title}`}
              </label>
            ))}
          </div>
          <FieldError name="goalIds" />
        </fieldset>
      </ActionForm>
    </ProgramMessages>
  );
}
