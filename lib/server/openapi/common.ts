// Shared building blocks of the OpenAPI document: JSON bodies, the error shape, common responses.
import { z } from "zod";
import type { ZodOpenApiOperationObject } from "zod-openapi";
import { errorBody } from "@/lib/validation/api";

export const json = (schema: z.ZodType) => ({ content: { "application/json": { schema } } });
export const error = (description: string) => ({ description, ...json(errorBody) });
const errors = {
  "400": error("Invalid input: per-field issues (a path parameter that cannot be an id, control characters in the query), malformed JSON, a body that is not UTF-8"),
  "401": error("Not signed in"),
  "403": error("Not allowed"),
  "413": error("Body too large"),
  "415": error("Not JSON"),
};
/** Said of every CSV and Excel export (lib/domain/formula.ts). */
export const FORMULAS_NEUTRALISED =
  "Text a spreadsheet program could run as a formula (starting with = + - @, a tab or CR, or with = + - @ after leading whitespace) is written with a ' before it (OWASP CSV injection); the import takes that ' off again.";

export const idParam = { path: z.object({ id: z.string().meta({ description: "Initiative id" }) }) };

/** An operation with the error responses every operation can give. */
export const op = (o: ZodOpenApiOperationObject): ZodOpenApiOperationObject => ({ ...o, responses: { ...errors, ...o.responses } });

export type Paths = Record<string, Record<string, ZodOpenApiOperationObject>>;
