import Link from "next/link";
import { ActionForm, type ActionState } from "@/components/ui/ActionForm";

/**
 * A draft's own page names its next step: submit it when everything required is there, or
 * what is still missing (with the way to add it) when not.
 */
export function NextStep(props: {
  editHref: string;
  /** What submission still lacks, as a list in words ("rubrik, behov och förvaltning"); null when nothing. */
  missing: string | null;
  submit?: (prev: ActionState, formData: FormData) => Promise<ActionState>;
  words: { title: string; ready: string; missing: string; submit: string; complete: string; edit: string; messages: Partial<Record<string, string>> & { default: string } };
}) {
  const { words } = props;
  const ready = props.missing === null && props.submit;
  return (
    <section aria-labelledby="next-step-title" className="rounded border-2 border-brand-700 bg-brand-50 p-4" data-testid="next-step">
      <h2 id="next-step-title" className="text-lg font-semibold">{words.title}</h2>
      {ready ? (
        <>
          <p className="mt-1">{words.ready}</p>
          <div className="mt-3 flex flex-wrap items-start gap-3">
            <ActionForm action={props.submit!} submitLabel={words.submit} messages={words.messages} className="space-y-2">
              {null}
            </ActionForm>
            <Link href={props.editHref} className="inline-block rounded border-2 border-brand-700 bg-white px-4 py-2 font-semibold text-brand-800 hover:bg-brand-50">{words.edit}</Link>
          </div>
        </>
      ) : (
        <>
          <p className="mt-1">
            {words.missing} <strong>{props.missing}</strong>
          </p>
          <Link href={props.editHref} className="mt-3 inline-block rounded bg-brand-700 px-4 py-2 font-semibold text-white hover:bg-brand-800">{words.complete}</Link>
        </>
      )}
    </section>
  );
}
