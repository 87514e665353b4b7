import { z } from "zod";
import { text, version } from "./common";

export const KINDS = ["INFRASTRUCTURE", "BUSINESS_DEVELOPMENT"] as const;
export const SIZES = ["SMALL", "MEDIUM", "LARGE"] as const;
export const TRACKS = ["FAST_LANE", "PORTFOLIO", "TECHNICAL"] as const;
export const QUADRANT_VALUES = ["INTERNAL_EFFICIENCY", "INTERNAL_INNOVATION", "EXTERNAL_EFFICIENCY", "EXTERNAL_INNOVATION"] as const;

const optionalReason = z.preprocess((v) => (typeof v === "string" && v.trim() === "" ? undefined : v), text(2000, 3).optional());

/** DIG confirms the classifier's suggestion or overrides it (then with a reason). */
export const triageDecisionInput = z
  .object({
    version,
    kind: z.enum(KINDS, { message: "invalidOption" }),
    size: z.enum(SIZES, { message: "invalidOption" }),
    track: z.enum(TRACKS, { message: "invalidOption" }),
    quadrant: z.enum(QUADRANT_VALUES, { message: "invalidOption" }),
    overrideReason: optionalReason,
    notes: optionalReason,
  })
  .strict();

export const requestInfoInput = z.object({ version, message: text(2000, 5) }).strict();

/** Small business development in the fast lane, approved by DIG under delegation. */
export const fastLaneApprovalInput = z
  .object({
    version,
    quadrant: z.enum(QUADRANT_VALUES, { message: "invalidOption" }),
    rationale: text(2000, 5),
  })
  .strict();
