// Portfolio meetings: inputs (forms, actions, API) and the shapes the API answers with.
import { z } from "zod";
import { DECISION_TYPES } from "@/lib/domain/decisions";
import { id, optionalText, text, version } from "./common";
import { INITIATIVE_STATUSES } from "./initiative";

export const MEETING_LIMITS = { title: 200, registryNumber: 60, participants: 4000, rationale: 2000, earlyReason: 1000 } as const;

/** Text that must be given: blank says "required", too little says "tooShort". */
const requiredText = (max: number, min: number) => z.string({ message: "required" }).trim().min(1, { message: "required" }).pipe(text(max, min));

/** A calendar date, "YYYY-MM-DD", that exists. Stored at noon UTC so no time zone moves it to another day. */
const meetingDate = z
  .string({ message: "required" })
  .trim()
  .min(1, { message: "required" })
  .regex(/^(20\d{2}|2100)-\d{2}-\d{2}$/, { message: "invalid" })
  .refine((s) => {
    const d = new Date(`${s}T12:00:00.000Z`);
    return !Number.isNaN(d.getTime()) && d.toISOString().startsWith(s);
  }, { message: "invalid" })
  .transform((s) => new Date(`${s}T12:00:00.000Z`))
  .meta({ description: "Meeting date, YYYY-MM-DD", example: "2026-12-10" });

export const createMeetingInput = z
  .object({
    title: requiredText(MEETING_LIMITS.title, 3),
    date: meetingDate,
    registryNumber: optionalText(MEETING_LIMITS.registryNumber).meta({ description: "Diarienummer, e.g. KS 2026/0412" }),
    participants: requiredText(MEETING_LIMITS.participants, 3).meta({ description: "One participant per line (or separated by semicolons)" }),
  })
  .strict();

export const agendaItemInput = z.object({ initiativeId: id }).strict();

export const decisionInput = z
  .object({
    initiativeId: id,
    type: z.enum(DECISION_TYPES, { message: "invalidOption" }),
    rationale: requiredText(MEETING_LIMITS.rationale, 3),
    version: version.meta({ description: "The initiative's version as read (optimistic concurrency)" }),
  })
  .strict();

export const closeMeetingInput = z
  .object({
    earlyReason: optionalText(MEETING_LIMITS.earlyReason).meta({ description: "Required when the meeting is dated after today: why it is closed before its date (recorded in the minutes)" }),
  })
  .strict()
  .meta({ description: "An empty object or no body for a meeting held today or earlier" });

// ---- The frozen snapshot of a closed meeting (read leniently: older snapshots lack fields) ----

const status = z.enum(INITIATIVE_STATUSES);
export const meetingSnapshot = z.object({
  frozenAt: z.string().nullable().default(null),
  municipality: z.string().nullable().default(null),
  title: z.string(),
  date: z.string(),
  registryNumber: z.string().nullable().default(null),
  participants: z.string().default(""),
  decisions: z
    .array(
      z.object({
        initiativeId: z.string(),
        number: z.number().int(),
        title: z.string(),
        department: z.string().default(""),
        type: z.enum(DECISION_TYPES),
        rationale: z.string(),
        fromStatus: status,
        toStatus: status,
        decidedBy: z.string().nullable().default(null),
        decidedAt: z.string().nullable().default(null),
        scenario: z.string().nullable().default(null),
      }),
    )
    .default([]),
  notHandled: z.array(z.object({ initiativeId: z.string(), number: z.number().int(), title: z.string(), department: z.string().default(""), status })).default([]),
  ranking: z.array(z.object({ position: z.number().int(), initiativeId: z.string(), number: z.number().int().nullable(), title: z.string(), score: z.number() })).default([]),
  closedEarlyReason: z.string().nullable().default(null),
  scenarios: z
    .array(z.object({ scenarioId: z.string(), name: z.string(), adopted: z.boolean(), capacity: z.array(z.object({ poolId: z.string(), from: z.string(), to: z.string().nullable(), hoursPerQuarter: z.number() })) }))
    .default([]),
});

// ---- API responses ----

const decisionType = z.enum(DECISION_TYPES);
const quadrant = z.enum(["INTERNAL_EFFICIENCY", "INTERNAL_INNOVATION", "EXTERNAL_EFFICIENCY", "EXTERNAL_INNOVATION"]).nullable();
const meetingStatus = z.enum(["PLANNED", "CLOSED"]);

export const meetingSummary = z
  .object({
    id: z.string(), title: z.string(), date: z.string().meta({ format: "date-time" }), registryNumber: z.string().nullable(), participants: z.string(),
    status: meetingStatus, closedAt: z.string().nullable(), agendaCount: z.number().int(), decisionCount: z.number().int(),
  })
  .meta({ id: "MeetingSummary" });

export const meetingList = z.object({ data: z.object({ upcoming: z.array(meetingSummary), past: z.array(meetingSummary) }) }).meta({ id: "MeetingList" });

const decisionView = z.object({
  id: z.string(), initiativeId: z.string(), type: decisionType, rationale: z.string(), fromStatus: status, toStatus: status,
  decidedBy: z.string().nullable(), createdAt: z.string().meta({ format: "date-time" }),
  scenario: z.string().nullable().meta({ description: "The scenario whose adoption made this decision" }),
});

export const meetingDetail = z
  .object({
    data: meetingSummary.extend({
      agenda: z.array(
        z.object({
          id: z.string(), position: z.number().int(),
          initiative: z.object({
            id: z.string(), number: z.number().int(), title: z.string(), status, version: z.number().int(), department: z.string(), quadrant,
            estimatedCostSek: z.number().int().nullable(), estimatedEffortHours: z.number().int().nullable(),
          }),
          allowedDecisions: z.array(decisionType).meta({ description: "Decisions the table allows from the current status (empty once decided or closed)" }),
          decision: decisionView.nullable(),
        }),
      ),
      scenarios: z
        .array(z.object({ id: z.string(), name: z.string(), version: z.number().int(), adoptedHere: z.boolean(), adoptedElsewhere: z.boolean(), mayAdopt: z.boolean() }))
        .meta({ description: "What-if scenarios on the agenda, for the meeting to adopt" }),
      snapshot: meetingSnapshot.nullable().meta({ description: "Frozen at close: ranking, decisions, participants" }),
    }),
  })
  .meta({ id: "Meeting" });

export const createdMeeting = z.object({ data: z.object({ id: z.string(), agendaCount: z.number().int() }) }).meta({ id: "CreatedMeeting" });
export const agendaResult = z.object({ data: z.object({ id: z.string(), position: z.number().int() }) }).meta({ id: "AgendaItemResult" });
export const refreshResult = z.object({ data: z.object({ added: z.number().int() }) }).meta({ id: "AgendaRefreshResult" });
export const decisionResult = z
  .object({ data: z.object({ id: z.string(), fromStatus: status, toStatus: status, version: z.number().int() }) })
  .meta({ id: "DecisionResult" });
export const closeResult = z.object({ data: z.object({ id: z.string(), closedAt: z.string() }) }).meta({ id: "CloseResult" });

const shares = z.object({ quadrant: z.enum(["INTERNAL_EFFICIENCY", "INTERNAL_INNOVATION", "EXTERNAL_EFFICIENCY", "EXTERNAL_INNOVATION"]), amount: z.number(), actualPercent: z.number(), targetPercent: z.number().nullable(), deviation: z.number().nullable() });
const balanceView = z.object({ quadrants: z.array(shares), total: z.number(), excluded: z.number().int() });
const loadView = z.object({ demandHours: z.number(), loadPercent: z.number().nullable(), unknownCount: z.number().int() });
export const previewResponse = z
  .object({
    data: z.object({
      initiativeId: z.string(),
      quarters: z.array(z.string()),
      targetYear: z.number().int(),
      alreadyActive: z.boolean(),
      balance: z.object({ cost: z.object({ before: balanceView, after: balanceView }), effort: z.object({ before: balanceView, after: balanceView }), count: z.object({ before: balanceView, after: balanceView }) }),
      capacity: z.object({
        capacityHours: z.number(),
        candidate: z.object({ hours: z.number().nullable(), source: z.enum(["allocations", "estimate", "unknown"]) }),
        before: loadView,
        after: loadView,
      }),
    }),
  })
  .meta({ id: "MeetingPreview", description: "What approving would do to the PIOS balance of the active portfolio and to the central pools' load over four quarters" });
