// The audit log viewer: its filter (a page of the log, newest first, from a cursor) and the
// events as the API answers them.
import { z } from "zod";
import { searchText } from "./common";

const isoDate = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/, { message: "invalidDate", abort: true })
  .refine((s) => !Number.isNaN(Date.parse(`${s}T00:00:00Z`)) && new Date(`${s}T00:00:00Z`).toISOString().startsWith(s), { message: "invalidDate" });

/** A screenful (as the ranking): an auditor reads a page, then pages on; a page costs the same anywhere in the log. */
export const AUDIT_PAGE_SIZE = 20;

const auditFilterShape = {
  actor: searchText(200).optional().meta({ description: "Part of the actor's name or e-mail, or an API token's name" }),
  entityType: z.string().trim().max(40, { message: "tooLong" }).regex(/^[A-Za-z]+$/, { message: "invalidOption" }).optional().meta({ example: "Initiative" }),
  entityId: z.string().trim().max(100, { message: "tooLong" }).regex(/^[A-Za-z0-9_.:-]+$/, { message: "invalidId" }).optional(),
  action: z.string().trim().max(60, { message: "tooLong" }).regex(/^[A-Za-z.]+$/, { message: "invalidOption" }).optional().meta({ example: "user.update" }),
  from: isoDate.optional().meta({ description: "First day (YYYY-MM-DD, Swedish time)" }),
  to: isoDate.optional().meta({ description: "Last day (YYYY-MM-DD, Swedish time)" }),
  cursor: z.string().max(200, { message: "tooLong" }).regex(/^[A-Za-z0-9_-]+$/, { message: "invalidCursor" }).optional().meta({ description: "From the previous answer's next or previous" }),
  direction: z.enum(["older", "newer"], { message: "invalidOption" }).default("older").meta({ description: "older: the page after the cursor; newer: the page before it" }),
  pageSize: z.coerce.number({ message: "notANumber" }).int({ message: "notWhole" }).min(1, { message: "atLeastOne" }).max(200, { message: "tooLarge" }).default(AUDIT_PAGE_SIZE),
};
const inOrder = (v: { from?: string; to?: string }) => !v.from || !v.to || v.from <= v.to;

export const auditQuery = z.object(auditFilterShape).strict().refine(inOrder, { path: ["to"], message: "periodReversed" });
/** The export's filter: the same, without paging. */
const { cursor: _cursor, direction: _direction, pageSize: _pageSize, ...exportShape } = auditFilterShape;
export const auditExportQuery = z.object(exportShape).strict().refine(inOrder, { path: ["to"], message: "periodReversed" });
export type AuditQuery = z.infer<typeof auditQuery>;

export const auditEventSchema = z
  .object({
    id: z.string(),
    at: z.string().meta({ format: "date-time" }),
    actorId: z.string().nullable(),
    actorLabel: z.string().meta({ description: "Who, as shown even if the person is later removed, or \"API-token: <name>\"" }),
  action: z.string(),
  entityType: z.string(),
  entityId: z.string(),
    before: z.unknown().meta({ description: "The changed fields before (JSON), or null" }),
    after: z.unknown().meta({ description: "The changed fields after (JSON), or null" }),
  })
  .meta({ id: "AuditEvent" });

export const auditPage = z
  .object({
    data: z.array(auditEventSchema),
    older: z.string().nullable().meta({ description: "Cursor of the next (older) page, or null at the oldest" }),
    newer: z.string().nullable().meta({ description: "Cursor of the previous (newer) page, or null at the newest" }),
  })
  .meta({ id: "AuditPage" });
