// The organisation: departments (förvaltningar) and municipal companies (bolag).
import { z } from "zod";
import { id, text, version } from "./common";

export const ORGANISATION_KINDS = ["DEPARTMENT", "COMPANY"] as const;
export type OrganisationKind = (typeof ORGANISATION_KINDS)[number];

/** A short code such as SOC, FG or KoF: letters, digits and a few separators. */
const shortName = text(20, 1).refine((s) => /^[\p{L}\p{N}&._ -]+$/u.test(s), { message: "invalidCode" });

const fields = {
  name: text(120, 2),
  shortName: shortName.meta({ description: "Short code, unique whatever the case (SOC, FG …)" }),
  kind: z.enum(ORGANISATION_KINDS, { message: "invalidOption" }),
  parentId: id.nullable().optional().meta({ description: "The unit this one belongs to (e.g. a company group); null for none" }),
};

export const departmentCreateInput = z.object(fields).strict().meta({ id: "DepartmentCreate" });
export const departmentUpdateInput = z
  .object({ ...fields, active: z.boolean({ message: "invalidOption" }).meta({ description: "false deactivates: the unit leaves the pickers and stays on old records" }), version })
  .partial({ name: true, shortName: true, kind: true, parentId: true, active: true })
  .strict()
  .meta({ id: "DepartmentUpdate" });

export type DepartmentCreate = z.infer<typeof departmentCreateInput>;
export type DepartmentUpdate = z.infer<typeof departmentUpdateInput>;

export const departmentSchema = z
  .object({
    id: z.string(),
    name: z.string(),
    shortName: z.string(),
    kind: z.enum(ORGANISATION_KINDS),
    parentId: z.string().nullable(),
    parentName: z.string().nullable(),
    active: z.boolean(),
    version: z.number().int(),
    createdAt: z.string().meta({ format: "date-time" }),
    updatedAt: z.string().meta({ format: "date-time" }),
    usage: z.object({ initiatives: z.number().int(), users: z.number().int(), pools: z.number().int(), children: z.number().int() }).meta({ description: "What refers to the unit: while anything does, it can be deactivated but not deleted" }),
  })
  .meta({ id: "Department" });
export const departmentList = z.object({ data: z.array(departmentSchema) }).meta({ id: "DepartmentList" });
export const departmentResult = z.object({ data: departmentSchema }).meta({ id: "DepartmentResult" });
