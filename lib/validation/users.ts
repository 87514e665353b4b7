// People: what an administrator sends to add and change a person, and what the API answers.
// A person's password hash never leaves the server.
import { z } from "zod";
import { ROLES } from "@/lib/auth/roles";
import { LOCALES } from "@/lib/i18n/locales";
import { email, id, pageNumber, queryBoolean, searchText, text, version } from "./common";

export const role = z.enum(ROLES, { message: "invalidRole" });
export const locale = z.enum(LOCALES, { message: "invalidOption" });

export const userCreateInput = z
  .object({
    email,
    name: text(120, 2),
    role,
    departmentId: id.nullable().optional().meta({ description: "Required for department managers" }),
    locale: locale.default("sv").meta({ description: "The language of the mail Portföljen sends the person" }),
  })
  .strict()
  .meta({ id: "UserCreate" });

export const userUpdateInput = z
  .object({
    name: text(120, 2),
    role,
    departmentId: id.nullable(),
    locale,
    active: z.boolean({ message: "invalidOption" }).meta({ description: "false deactivates: the person cannot sign in and every open session ends at its next request" }),
    version,
  })
  .partial({ name: true, role: true, departmentId: true, locale: true, active: true })
  .strict()
  .meta({ id: "UserUpdate" });

export type UserCreate = z.infer<typeof userCreateInput>;
export type UserUpdate = z.infer<typeof userUpdateInput>;

export const USER_PAGE_SIZE = 50;

export const userQuery = z.object({
  q: searchText(200).optional(),
  role: role.optional(),
  departmentId: id.optional(),
  active: queryBoolean.optional(),
  page: pageNumber,
}).strict();
export type UserQuery = z.infer<typeof userQuery>;

/** The smallest password we accept: long beats complicated (NIST SP 800-63B). */
export const MIN_PASSWORD_LENGTH = 10;
export const passwordInput = z
  .object({
    password: z.string({ message: "required" }).min(MIN_PASSWORD_LENGTH, { message: "passwordTooShort" }).max(200, { message: "tooLong" }),
    confirm: z.string({ message: "required" }),
  })
  .strict()
  .refine((v) => v.password === v.confirm, { path: ["confirm"], message: "passwordsDiffer" });

export const setupInput = z
  .object({ name: text(120, 2), email, password: passwordInput.shape.password, confirm: z.string({ message: "required" }) })
  .strict()
  .refine((v) => v.password === v.confirm, { path: ["confirm"], message: "passwordsDiffer" });

export const USER_STATUSES = ["ACTIVE", "INVITED", "DEACTIVATED"] as const;

export const userSchema = z
  .object({
    id: z.string(),
    email: z.string(),
    name: z.string(),
    role,
    departmentId: z.string().nullable(),
    departmentName: z.string().nullable(),
    locale,
    active: z.boolean(),
    status: z.enum(USER_STATUSES).meta({ description: "INVITED: has not set a password yet and does not sign in through SSO" }),
    ssoManaged: z.boolean().meta({ description: "Role and department follow the identity provider's groups" }),
    version: z.number().int(),
    lastSignInAt: z.string().meta({ format: "date-time" }).nullable(),
    createdAt: z.string().meta({ format: "date-time" }),
    updatedAt: z.string().meta({ format: "date-time" }),
  })
  .meta({ id: "User" });

export const passwordLinkSchema = z
  .object({
    url: z.string().meta({ description: "The one-time link: shown once, only its hash is stored" }),
    purpose: z.enum(["INVITATION", "RESET"]),
    expiresAt: z.string().meta({ format: "date-time" }),
    mailed: z.boolean().meta({ description: "Sent by e-mail (when SMTP_URL and MAIL_FROM are set)" }),
  })
  .meta({ id: "PasswordLink" });

export const userList = z
  .object({ data: z.array(userSchema), page: z.number().int(), pageSize: z.number().int(), total: z.number().int(), pages: z.number().int() })
  .meta({ id: "UserList" });
export const userResult = z.object({ data: userSchema }).meta({ id: "UserResult" });
export const createdUser = z.object({ data: userSchema.extend({ link: passwordLinkSchema }) }).meta({ id: "CreatedUser" });
export const passwordLinkResult = z.object({ data: passwordLinkSchema }).meta({ id: "PasswordLinkResult" });
