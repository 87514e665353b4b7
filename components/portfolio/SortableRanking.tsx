"use client";
// The ranking's rows for leadership: drag and drop (mouse, touch, or keyboard: space to
// lift, arrows to move, space to drop) or the "Move…" dialog; either way the move needs a
// rationale and goes to the server with the version the leader saw.
import { closestCenter, DndContext, KeyboardSensor, PointerSensor, useSensor, useSensors, type DragEndEvent } from "@dnd-kit/core";
import { SortableContext, sortableKeyboardCoordinates, useSortable, verticalListSortingStrategy } from "@dnd-kit/sortable";
import { CSS } from "@dnd-kit/utilities";
import { useTranslations } from "next-intl";
import { useRouter } from "next/navigation";
import { useEffect, useRef, useState, useTransition } from "react";
import { createPortal } from "react-dom";
import type { ActionFailure } from "@/lib/server/errors";
import { RankingCells, type RankingRowView } from "./RankingCells";

type Move = { row: RankingRowView; position: number | null };

// The server action arrives as a prop: components do not import from app/ (design.md).
type MoveAction = (id: string, input: { position: number | null; rationale: string; version: number }) => Promise<{ ok: true } | ActionFailure>;

export function SortableRanking({ rows, breakdownLabel, total, moveInRankingAction }: { rows: RankingRowView[]; breakdownLabel: string; total: number; moveInRankingAction: MoveAction }) {
  const t = useTranslations("reorder");
  const tv = useTranslations("validation");
  const router = useRouter();
  const dialog = useRef<HTMLDialogElement>(null);
  const [move, setMove] = useState<Move | null>(null);
  const [error, setError] = useState<string | null>(null);
  // The dialog's own check, before anything is sent: which field is wrong and why.
  const [invalid, setInvalid] = useState<{ field: "position" | "rationale"; message: string } | null>(null);
  const [pending, startTransition] = useTransition();
  // The dialog cannot live inside the table; it is portalled to the body once mounted.
  const [mounted, setMounted] = useState(false);
  useEffect(() => setMounted(true), []);
  const sensors = useSensors(useSensor(PointerSensor, { activationConstraint: { distance: 4 } }), useSensor(KeyboardSensor, { coordinateGetter: sortableKeyboardCoordinates }));
  const byId = new Map(rows.map((r) => [r.id, r]));
  const label = (id: string | number | undefined) => {
    const row = byId.get(String(id));
    return row ? `#${row.number} ${row.title}` : "";
  };

  const open = (next: Move) => {
    setMove(next);
    setError(null);
    setInvalid(null);
    dialog.current?.showModal();
  };
  const onDragEnd = ({ active, over }: DragEndEvent) => {
    const row = byId.get(String(active.id));
    const target = over ? byId.get(String(over.id)) : undefined;
    if (row && target && row.id !== target.id) open({ row, position: target.position });
  };
  const submit = (form: HTMLFormElement) => {
    if (!move) return;
    const data = new FormData(form);
    const raw = String(data.get("position") ?? "").trim();
    const position = move.position === null ? null : Number(raw);
    const rationale = String(data.get("rationale") ?? "");
    // The app's own messages in the page's language, not the browser's bubbles: the first
    // field that is wrong says why and gets the focus (the server checks the same again).
    const problem =
      position !== null && (!raw || !Number.isInteger(position) || position < 1 || position > total)
        ? { field: "position" as const, message: t("errors.positionRange", { total }) }
        : rationale.trim().length < 3
          ? { field: "rationale" as const, message: t(rationale.trim() ? "errors.rationaleShort" : "errors.rationaleRequired") }
          : null;
    setInvalid(problem);
    if (problem) {
      setError(null);
      form.querySelector<HTMLElement>(`[name="${problem.field}"]`)?.focus();
      return;
    }
    startTransition(async () => {
      const result = await moveInRankingAction(move.row.id, { position, rationale, version: move.row.version });
      if (result.ok) {
        dialog.current?.close();
        setMove(null);
        router.refresh();
        return;
      }
      if (result.code === "VERSION_CONFLICT") router.refresh();
      const issue = "issues" in result ? result.issues?.[0] : undefined;
      setError(issue ? tv.has(issue.message) ? tv(issue.message) : tv("invalid") : t.has(`errors.${result.code}`) ? t(`errors.${result.code}`) : t("errors.default"));
    });
  };

  return (
    <>
      <DndContext
        sensors={sensors}
        collisionDetection={closestCenter}
        onDragEnd={onDragEnd}
        accessibility={{
          screenReaderInstructions: { draggable: t("instructions") },
          announcements: {
            onDragStart: ({ active }) => t("announce.start", { item: label(active.id), position: byId.get(String(active.id))?.position ?? 0 }),
            onDragOver: ({ active, over }) => (over ? t("announce.over", { item: label(active.id), position: byId.get(String(over.id))?.position ?? 0 }) : t("announce.outside", { item: label(active.id) })),
            onDragEnd: ({ active, over }) => (over ? t("announce.end", { item: label(active.id), position: byId.get(String(over.id))?.position ?? 0 }) : t("announce.cancel", { item: label(active.id) })),
            onDragCancel: ({ active }) => t("announce.cancel", { item: label(active.id) }),
          },
        }}
      >
        <SortableContext items={rows.map((r) => r.id)} strategy={verticalListSortingStrategy}>
          <tbody>
            {rows.map((row) => (
              <Row key={row.id} row={row} ready={mounted} onMove={() => open({ row, position: row.position })} onReset={() => open({ row, position: null })}>
                <RankingCells row={row} breakdownLabel={breakdownLabel} />
              </Row>
            ))}
          </tbody>
        </SortableContext>
      </DndContext>
      {mounted ? createPortal(<dialog ref={dialog} aria-labelledby="move-title" className="m-auto w-full max-w-lg rounded border border-slate-400 p-6 backdrop:bg-slate-900/50" onClose={() => setMove(null)}>
        {move ? (
          <form
            noValidate
            onSubmit={(event) => {
              event.preventDefault();
              submit(event.currentTarget);
            }}
            className="space-y-4"
          >
            <h2 id="move-title" className="text-xl font-semibold">
              {move.position === null ? t("resetTitle", { item: label(move.row.id) }) : t("title", { item: label(move.row.id), from: move.row.position })}
            </h2>
            {move.position !== null ? (
              <div>
                <label htmlFor="move-position" className="block font-medium">{t("position", { total })}</label>
                <input
                  id="move-position" name="position" type="number" min={1} max={total} required defaultValue={move.position}
                  aria-invalid={invalid?.field === "position" || undefined} aria-describedby={invalid?.field === "position" ? "move-position-error" : undefined}
                  className="mt-1 block w-32 rounded border border-slate-500 px-3 py-2"
                />
                {invalid?.field === "position" ? <p id="move-position-error" className="mt-1 font-medium text-red-800">{invalid.message}</p> : null}
              </div>
            ) : null}
            <div>
              <label htmlFor="move-rationale" className="block font-medium">{t("rationale")}</label>
              <p id="move-rationale-help" className="text-sm text-slate-700">{t("rationaleHelp")}</p>
              <textarea
                id="move-rationale" name="rationale" required minLength={3} maxLength={1000} rows={3}
                aria-invalid={invalid?.field === "rationale" || undefined} aria-describedby={invalid?.field === "rationale" ? "move-rationale-help move-rationale-error" : "move-rationale-help"}
                className="mt-1 block w-full rounded border border-slate-500 px-3 py-2"
              />
              {invalid?.field === "rationale" ? <p id="move-rationale-error" className="mt-1 font-medium text-red-800">{invalid.message}</p> : null}
            </div>
            <p role="alert" className="font-medium text-red-800">{error}</p>
            <div className="flex gap-3">
              <button type="submit" disabled={pending} className="rounded bg-brand-700 px-4 py-2 font-semibold text-white hover:bg-brand-800 disabled:opacity-70">{t("save")}</button>
              <button type="button" onClick={() => dialog.current?.close()} className="rounded border border-slate-500 px-4 py-2 font-semibold text-brand-800">{t("cancel")}</button>
            </div>
          </form>
        ) : null}
      </dialog>, document.body) : null}
    </>
  );
}

/** `ready`: the page's scripts have taken over; until then (the server's HTML) the buttons could not act, so they are disabled. */
function Row({ row, ready, children, onMove, onReset }: { row: RankingRowView; ready: boolean; children: React.ReactNode; onMove: () => void; onReset: () => void }) {
  const t = useTranslations("reorder");
  const { attributes, listeners, setNodeRef, setActivatorNodeRef, transform, transition, isDragging } = useSortable({ id: row.id });
  const item = `#${row.number} ${row.title}`;
  return (
    <tr ref={setNodeRef} style={{ transform: CSS.Transform.toString(transform), transition }} className={`border-b border-slate-200 align-top ${isDragging ? "relative z-10 bg-brand-50 shadow" : "bg-white"}`}>
      <td className="px-2 py-2">
        <div className="flex flex-col items-start gap-1">
          <button type="button" ref={setActivatorNodeRef} {...attributes} {...listeners} disabled={!ready} aria-label={t("handle", { item, position: row.position })} className="cursor-grab rounded border border-slate-500 px-2 py-1 text-brand-800">
            <span aria-hidden="true">⠿</span>
          </button>
          <button type="button" onClick={onMove} disabled={!ready} className="text-sm font-medium text-brand-800 underline" aria-label={t("moveLabel", { item })}>{t("move")}</button>
          {row.manual ? (
            <button type="button" onClick={onReset} disabled={!ready} className="text-sm font-medium text-brand-800 underline" aria-label={t("resetLabel", { item })}>{t("reset")}</button>
          ) : null}
        </div>
      </td>
      {children}
    </tr>
  );
}
