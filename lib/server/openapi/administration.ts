// /api/v1/users, /departments, /goals, /audit-events, /sso-mappings, /settings/sso: the
// administration a municipality needs to go live, as OpenAPI paths.
import { z } from "zod";
import { auditExportQuery, auditPage, auditQuery } from "@/lib/validation/audit";
import { goalCreateInput, goalList, goalResult, goalUpdateInput } from "@/lib/validation/goals";
import { departmentCreateInput, departmentList, departmentResult, departmentUpdateInput } from "@/lib/validation/organisation";
import { ssoMappingCreateInput, ssoMappingList, ssoMappingResult, ssoMappingUpdateInput, ssoSettingsSchema } from "@/lib/validation/sso";
import { createdUser, passwordLinkResult, userCreateInput, userList, userQuery, userResult, userUpdateInput } from "@/lib/validation/users";
import { error, FORMULAS_NEUTRALISED, json, op, type Paths } from "./common";

const pathId = (what: string) => ({ path: z.object({ id: z.string().meta({ description: `${what} id` }) }) });
const deleted = z.object({ data: z.object({ id: z.string() }) });
const notFound = (what: string) => ({ "404": error(`No such ${what}`) });
const conflict = (description: string) => ({ "409": error(description) });
/** A POST that takes no input: an empty body, or none. */
const noBody = { required: false, ...json(z.object({}).strict().meta({ id: "NoInput" })) };

export const administrationPaths: Paths = {
  "/api/v1/users": {
    get: op({ operationId: "listUsers", summary: "People, by name, 50 a page: search by name or e-mail, filter by role, department and active (admin). Never a password hash", requestParams: { query: userQuery }, responses: { "200": { description: "A page of people", ...json(userList) } } }),
    post: op({
      operationId: "createUser",
      summary: "Add a person with a role and (for department managers: required) a department; the answer carries a one-time link, valid 72 h, to set their password, also mailed when mail is configured (admin)",
      requestBody: json(userCreateInput),
      responses: { "201": { description: "Added, with the invitation link", ...json(createdUser) }, ...conflict("EMAIL_TAKEN: someone has this e-mail address, whatever its case") },
    }),
  },
  "/api/v1/users/{id}": {
    get: op({ operationId: "getUser", summary: "One person (admin)", requestParams: pathId("User"), responses: { "200": { description: "The person", ...json(userResult) }, ...notFound("person") } }),
    patch: op({
      operationId: "updateUser",
      summary: "Change a person's name, role, department, language or active flag; name the version you read. A new role or department, or a deactivation, ends their open sessions at the next request (admin)",
      requestParams: pathId("User"),
      requestBody: json(userUpdateInput),
      responses: { "200": { description: "Saved", ...json(userResult) }, ...notFound("person"), ...conflict("VERSION_CONFLICT (with the stored values), or LAST_ADMIN: the last active administrator can be neither demoted nor deactivated") },
    }),
  },
  "/api/v1/users/{id}/password-link": {
    post: op({
      operationId: "issuePasswordLink",
      summary: "A new one-time link to set the password: an invitation for someone without one, a reset for someone with one; earlier links stop working (admin)",
      requestParams: pathId("User"),
      requestBody: noBody,
      responses: { "201": { description: "The link", ...json(passwordLinkResult) }, ...notFound("person"), ...conflict("USER_INACTIVE: reactivate the person first") },
    }),
  },
  "/api/v1/departments": {
    get: op({ operationId: "listDepartments", summary: "Departments and municipal companies, active first, with what refers to each", responses: { "200": { description: "Units", ...json(departmentList) } } }),
    post: op({
      operationId: "createDepartment",
      summary: "Add a department or municipal company with a short code and optionally the unit it belongs to (admin)",
      requestBody: json(departmentCreateInput),
      responses: { "201": { description: "Added", ...json(departmentResult) }, ...conflict("NAME_TAKEN or CODE_TAKEN, whatever the case") },
    }),
  },
  "/api/v1/departments/{id}": {
    get: op({ operationId: "getDepartment", summary: "One department or company", requestParams: pathId("Department"), responses: { "200": { description: "The unit", ...json(departmentResult) }, ...notFound("department") } }),
    patch: op({
      operationId: "updateDepartment",
      summary: "Rename, recode, re-parent, deactivate or reactivate a unit; name the version you read. The old values stay in the audit log (admin)",
      requestParams: pathId("Department"),
      requestBody: json(departmentUpdateInput),
      responses: { "200": { description: "Saved", ...json(departmentResult) }, ...notFound("department"), ...conflict("VERSION_CONFLICT, NAME_TAKEN or CODE_TAKEN") },
    }),
    delete: op({
      operationId: "deleteDepartment",
      summary: "Delete a unit nothing refers to (registered by mistake); one that owns initiatives, people or pools is deactivated instead (admin)",
      requestParams: pathId("Department"),
      responses: { "200": { description: "Deleted", ...json(deleted) }, ...notFound("department"), ...conflict("IN_USE, with what refers to it") },
    }),
  },
  "/api/v1/goals": {
    get: op({ operationId: "listGoals", summary: "The strategic goals (the political direction), active first, with whether each counts in the score this year", responses: { "200": { description: "Goals", ...json(goalList) } } }),
    post: op({
      operationId: "createGoal",
      summary: "Add a goal with a code, weight 1–5 and optionally a validity period (e.g. a mandate 2027–2030); the ranking follows at once (admin, leadership)",
      requestBody: json(goalCreateInput),
      responses: { "201": { description: "Added", ...json(goalResult) }, ...conflict("CODE_TAKEN, whatever the case") },
    }),
  },
  "/api/v1/goals/{id}": {
    patch: op({
      operationId: "updateGoal",
      summary: "Change a goal's wording, weight, period or active flag; name the version you read; the ranking follows at once (admin, leadership)",
      requestParams: pathId("Goal"),
      requestBody: json(goalUpdateInput),
      responses: { "200": { description: "Saved", ...json(goalResult) }, ...notFound("goal"), ...conflict("VERSION_CONFLICT or CODE_TAKEN") },
    }),
    delete: op({
      operationId: "deleteGoal",
      summary: "Delete a goal nothing is linked to; a goal in use is deactivated instead (admin, leadership)",
      requestParams: pathId("Goal"),
      responses: { "200": { description: "Deleted", ...json(deleted) }, ...notFound("goal"), ...conflict("IN_USE, with what is linked to it") },
    }),
  },
  "/api/v1/audit-events": {
    get: op({
      operationId: "listAuditEvents",
      summary: "The audit log, newest first, filtered by actor, entity, action and dates; paged by cursor (admin, leadership)",
      requestParams: { query: auditQuery },
      responses: { "200": { description: "A page of events", ...json(auditPage) } },
    }),
  },
  "/api/v1/audit-events/export": {
    get: op({
      operationId: "exportAuditEvents",
      summary: "Every event of the filter as CSV (semicolon-separated, UTF-8 with BOM, formulas neutralised), newest first (admin, leadership)",
      description: FORMULAS_NEUTRALISED,
      requestParams: { query: auditExportQuery },
      responses: { "200": { description: "The events", content: { "text/csv": { schema: z.string() } } } },
    }),
  },
  "/api/v1/sso-mappings": {
    get: op({ operationId: "listSsoMappings", summary: "Single sign-on: the identity provider's group or role values and the role and department each gives (admin)", responses: { "200": { description: "Mappings", ...json(ssoMappingList) } } }),
    post: op({
      operationId: "createSsoMapping",
      summary: "Map a group or role claim value (e.g. an Entra ID group object id) to a role and department, applied at every sign-in (admin)",
      requestBody: json(ssoMappingCreateInput),
      responses: { "201": { description: "Added", ...json(ssoMappingResult) }, ...conflict("CLAIM_TAKEN") },
    }),
  },
  "/api/v1/sso-mappings/{id}": {
    patch: op({
      operationId: "updateSsoMapping",
      summary: "Change a mapping; name the version you read (admin)",
      requestParams: pathId("Mapping"),
      requestBody: json(ssoMappingUpdateInput),
      responses: { "200": { description: "Saved", ...json(ssoMappingResult) }, ...notFound("mapping"), ...conflict("VERSION_CONFLICT or CLAIM_TAKEN") },
    }),
    delete: op({ operationId: "deleteSsoMapping", summary: "Remove a mapping (admin)", requestParams: pathId("Mapping"), responses: { "200": { description: "Removed", ...json(deleted) }, ...notFound("mapping") } }),
  },
  "/api/v1/settings/sso": {
    get: op({ operationId: "getSsoSettings", summary: "What happens to people no mapping covers (admin)", responses: { "200": { description: "Settings", ...json(z.object({ data: ssoSettingsSchema })) } } }),
    put: op({ operationId: "updateSsoSettings", summary: "Sign in people no mapping covers as viewers, or refuse them (admin)", requestBody: json(ssoSettingsSchema), responses: { "200": { description: "Saved", ...json(z.object({ data: ssoSettingsSchema })) } } }),
  },
};
