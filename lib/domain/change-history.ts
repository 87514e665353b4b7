// An audit event's before and after, as rows a person reads: one per changed field, with the
// value before and after in a form the page can word (names for ids, labels for codes). Pure:
// the page supplies the words and the names; nothing here knows a language.

/** Fields that name another record: the page shows the record's name, never its id. */
export const REFERENCE_FIELDS = { ownerDepartmentId: "department", programId: "program", goalId: "goal" } as const;
export type ReferenceKind = (typeof REFERENCE_FIELDS)[keyof typeof REFERENCE_FIELDS];

/** Codes worded through a group of labels (the key of each group in the messages). */
const CODE_GROUPS: Record<string, string> = {
  status: "status", fromStatus: "status", toStatus: "status",
  benefitRecipient: "benefitRecipient", nature: "nature", quadrant: "quadrant",
  kind: "kind", size: "size", track: "track", category: "benefitCategory", certainty: "certainty",
  type: "decisionType", assessment: "assessment",
};

/** Technical keys that say nothing to a reader (the ids of the rows an event is about). */
// (A benefit's owner is recorded by name beside the id.)
const HIDDEN = new Set(["ownerId", "benefitId", "commentId", "measurementId", "followUpId", "decisionId", "meetingId", "importId", "correctsId", "id", "shifted", "version"]);

export type ChangeValue =
  | { kind: "none" }
  | { kind: "text"; value: string }
  | { kind: "number"; value: number }
  | { kind: "boolean"; value: boolean }
  | { kind: "date"; value: string }
  | { kind: "code"; group: string; value: string }
  | { kind: "reference"; ref: ReferenceKind; id: string }
  | { kind: "list"; items: ChangeValue[] };

export type ChangeRow = { field: string; before: ChangeValue | null; after: ChangeValue | null };

const ISO_DATE = /^\d{4}-\d{2}-\d{2}(T[\d:.]+Z?)?$/;

function value(field: string, v: unknown): ChangeValue {
  if (v === null || v === undefined || v === "") return { kind: "none" };
  const ref = (REFERENCE_FIELDS as Record<string, ReferenceKind>)[field];
  if (ref && typeof v === "string") return { kind: "reference", ref, id: v };
  if (CODE_GROUPS[field] && typeof v === "string") return { kind: "code", group: CODE_GROUPS[field]!, value: v };
  if (typeof v === "number") return { kind: "number", value: v };
  if (typeof v === "boolean") return { kind: "boolean", value: v };
  if (typeof v === "string") return ISO_DATE.test(v) ? { kind: "date", value: v } : { kind: "text", value: v };
  if (Array.isArray(v)) return v.length ? { kind: "list", items: v.map((item) => listItem(field, item)) } : { kind: "none" };
  return { kind: "text", value: String(v) };
}

/** One element of a list: a goal link by its goal (and alignment), a benefit by its description. */
function listItem(field: string, item: unknown): ChangeValue {
  if (item && typeof item === "object") {
    const o = item as Record<string, unknown>;
    if (typeof o.goalId === "string") return { kind: "reference", ref: "goal", id: o.goalId };
    for (const key of ["description", "title", "name"]) if (typeof o[key] === "string") return { kind: "text", value: o[key] as string };
    return { kind: "none" };
  }
  return value(field, item);
}

/** Nested objects (a triage's suggestion) as dotted fields; lists and values as they are. */
function flatten(o: unknown, prefix = ""): Map<string, unknown> {
  const out = new Map<string, unknown>();
  if (!o || typeof o !== "object" || Array.isArray(o)) return out;
  for (const [key, v] of Object.entries(o as Record<string, unknown>)) {
    if (HIDDEN.has(key)) continue;
    const path = prefix ? `${prefix}.${key}` : key;
    if (v && typeof v === "object" && !Array.isArray(v)) for (const [k, inner] of flatten(v, path)) out.set(k, inner);
    else out.set(path, v);
  }
  return out;
}

/**
 * The rows of one event. A field only in `after` is a value set (created, decided); one in
 * both is a change; one only in `before` is a value removed. Fields whose value did not
 * change, and values set to or removed from nothing, are left out: an update that changed
 * nothing has no rows.
 */
export function changeRows(before: unknown, after: unknown): ChangeRow[] {
  const b = flatten(before);
  const a = flatten(after);
  const rows: ChangeRow[] = [];
  for (const field of new Set([...b.keys(), ...a.keys()])) {
    const last = field.split(".").pop()!;
    const hasBefore = b.has(field);
    const hasAfter = a.has(field);
    if (hasBefore && hasAfter && JSON.stringify(b.get(field) ?? null) === JSON.stringify(a.get(field) ?? null)) continue;
    const row: ChangeRow = { field, before: hasBefore ? value(last, b.get(field)) : null, after: hasAfter ? value(last, a.get(field)) : null };
    // A value "set" to nothing (or "removed" when it was nothing) says nothing to a reader.
    if ((row.before ?? row.after)?.kind === "none" && (row.before === null || row.after === null)) continue;
    rows.push(row);
  }
  return rows;
}

/** Every id the rows name, by kind: what the page must look up to show names. */
export function referencedIds(rows: readonly ChangeRow[]): Record<ReferenceKind, Set<string>> {
  const ids: Record<ReferenceKind, Set<string>> = { department: new Set(), program: new Set(), goal: new Set() };
  const visit = (v: ChangeValue | null) => {
    if (!v) return;
    if (v.kind === "reference") ids[v.ref].add(v.id);
    if (v.kind === "list") v.items.forEach(visit);
  };
  for (const r of rows) {
    visit(r.before);
    visit(r.after);
  }
  return ids;
}
