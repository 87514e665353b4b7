// Single sign-on provisioning: claim values of the identity provider mapped to a role and a
// department, and what happens to people no mapping covers.
import { z } from "zod";
import { id, text, version } from "./common";
import { role } from "./users";

const claimValue = text(200, 1).meta({ description: "A value of the group or role claims, e.g. an Entra ID group object id", example: "5f0e9c1e-3b7a-4c33-9d5e-8a2f1c7b9d10" });

export const ssoMappingCreateInput = z
  .object({ claimValue, description: text(200).default(""), role, departmentId: id.nullable().default(null) })
  .strict()
  .meta({ id: "SsoMappingCreate" });
export const ssoMappingUpdateInput = z
  .object({ claimValue, description: text(200), role, departmentId: id.nullable(), version })
  .partial({ claimValue: true, description: true, role: true, departmentId: true })
  .strict()
  .meta({ id: "SsoMappingUpdate" });

export const UNMAPPED_POLICIES = ["VIEWER", "REFUSE"] as const;
export const ssoSettingsSchema = z
  .object({ unmapped: z.enum(UNMAPPED_POLICIES, { message: "invalidOption" }).meta({ description: "People no mapping covers: signed in as viewers, or refused" }) })
  .strict()
  .meta({ id: "SsoSettings" });
export type SsoSettings = z.infer<typeof ssoSettingsSchema>;

export const ssoMappingSchema = z
  .object({
    id: z.string(),
    claimValue: z.string(),
    description: z.string(),
    role,
    departmentId: z.string().nullable(),
    departmentName: z.string().nullable(),
    version: z.number().int(),
    createdAt: z.string().meta({ format: "date-time" }),
    updatedAt: z.string().meta({ format: "date-time" }),
  })
  .meta({ id: "SsoMapping" });
export const ssoMappingList = z.object({ data: z.array(ssoMappingSchema) }).meta({ id: "SsoMappingList" });
export const ssoMappingResult = z.object({ data: ssoMappingSchema }).meta({ id: "SsoMappingResult" });
