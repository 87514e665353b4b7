// The one place that decides who may do what. Every server action and route handler
// calls can()/authorize(); navigation uses can() to show each role what it may use.
import type { Actor, Role } from "./roles";

export type InitiativeSubject = { ownerDepartmentId: string; status: string };
/** A delivery step on an initiative: the status it would lead to. */
export type ProgressSubject = InitiativeSubject & { to: string };
export type PoolSubject = { kind: "DIG" | "DIGITAL_CENTER" | "LOCAL"; departmentId: string | null };
/** A benefit of an initiative: the initiative's department and the benefit's owner. */
export type BenefitSubject = { ownerDepartmentId: string; ownerId: string | null };

type Subjects = {
  "initiative.read": undefined;
  "initiative.create": { ownerDepartmentId: string } | undefined;
  "initiative.edit": InitiativeSubject | undefined;
  "initiative.editClassification": InitiativeSubject | undefined;
  "initiative.submit": InitiativeSubject | undefined;
  "initiative.comment": InitiativeSubject | undefined;
  "initiative.plan": InitiativeSubject | undefined;
  "initiative.progress": ProgressSubject | undefined;
  "triage.perform": undefined;
  "triage.settings": undefined;
  "portfolio.read": undefined;
  "portfolio.decide": undefined;
  "portfolio.settings": undefined;
  "scenario.write": undefined;
  "program.manage": undefined;
  "resource.read": undefined;
  "resource.allocate": PoolSubject | undefined;
  "resource.editCapacity": PoolSubject | undefined;
  "resource.settings": undefined;
  "audit.read": undefined;
  "data.export": undefined;
  "data.import": undefined;
  "data.restore": undefined;
  "benefit.plan": { ownerDepartmentId: string } | undefined;
  "benefit.measure": BenefitSubject | undefined;
  "benefit.settings": undefined;
  "benefit.followUpsOfAll": undefined;
  "audit.browse": undefined;
  "admin.users": undefined;
  "admin.organisation": undefined;
  "admin.sso": undefined;
  "admin.tokens": undefined;
  "goals.manage": undefined;
  "pool.manage": PoolSubject | undefined;
  "pool.managePage": undefined;
  "settings.open": undefined;
};
export type Action = keyof Subjects;

const EDITABLE_BY_DEPARTMENT = new Set(["DRAFT", "NEEDS_INFO"]);
const CENTRAL: readonly Role[] = ["DIG", "LEADERSHIP", "ADMIN"];

function isOwnDepartment(actor: Actor, departmentId: string | null | undefined): boolean {
  return Boolean(actor.departmentId) && actor.departmentId === departmentId;
}

const rules: { [A in Action]: (actor: Actor, subject: Subjects[A] | undefined) => boolean } = {
  // One portfolio, visible to all signed-in users.
  "initiative.read": () => true,
  "initiative.create": (a, s) =>
    a.role === "ADMIN" || (a.role === "DEPARTMENT_MANAGER" && (!s || isOwnDepartment(a, s.ownerDepartmentId))),
  "initiative.edit": (a, s) =>
    a.role === "ADMIN" ||
    (a.role === "DEPARTMENT_MANAGER" && (!s || (isOwnDepartment(a, s.ownerDepartmentId) && EDITABLE_BY_DEPARTMENT.has(s.status)))),
  "initiative.editClassification": (a) => CENTRAL.includes(a.role),
  "initiative.submit": (a, s) =>
    a.role === "ADMIN" ||
    (a.role === "DEPARTMENT_MANAGER" && (!s || (isOwnDepartment(a, s.ownerDepartmentId) && EDITABLE_BY_DEPARTMENT.has(s.status)))),
  "initiative.comment": (a, s) =>
    CENTRAL.includes(a.role) || (a.role === "DEPARTMENT_MANAGER" && (!s || isOwnDepartment(a, s.ownerDepartmentId))),
  // Planned quarters commit central capacity, so they are set centrally.
  "initiative.plan": (a) => CENTRAL.includes(a.role),
  // Starting and resuming take capacity and cancelling reverses a decision: central roles.
  // The owning department runs the work, so its managers may also report a pause or the finish.
  "initiative.progress": (a, s) =>
    CENTRAL.includes(a.role) ||
    (a.role === "DEPARTMENT_MANAGER" && (!s || (isOwnDepartment(a, s.ownerDepartmentId) && (s.to === "PAUSED" || s.to === "DONE")))),
  "triage.perform": (a) => a.role === "DIG" || a.role === "ADMIN",
  "triage.settings": (a) => a.role === "DIG" || a.role === "ADMIN",
  "portfolio.read": () => true,
  "portfolio.decide": (a) => a.role === "LEADERSHIP" || a.role === "ADMIN",
  "portfolio.settings": (a) => a.role === "LEADERSHIP" || a.role === "ADMIN",
  // What-if scenarios and optimiser runs: leadership and DIG prepare them, everyone reads;
  // only a portfolio meeting (portfolio.decide) adopts one.
  "scenario.write": (a) => CENTRAL.includes(a.role),
  "program.manage": (a) => CENTRAL.includes(a.role),
  // Pools, capacity and demand are open to every signed-in user, like the portfolio.
  "resource.read": () => true,
  // Central pools are allocated centrally; a local pool also by its own department's managers.
  "resource.allocate": (a, s) =>
    CENTRAL.includes(a.role) ||
    (a.role === "DEPARTMENT_MANAGER" && (!s || (s.kind === "LOCAL" && isOwnDepartment(a, s.departmentId)))),
  "resource.editCapacity": (a, s) =>
    CENTRAL.includes(a.role) ||
    (a.role === "DEPARTMENT_MANAGER" && (!s || (s.kind === "LOCAL" && isOwnDepartment(a, s.departmentId)))),
  "resource.settings": (a) => CENTRAL.includes(a.role),
  // The benefit plan: the owning department, DIG and leadership (and admin).
  "benefit.plan": (a, s) => CENTRAL.includes(a.role) || (a.role === "DEPARTMENT_MANAGER" && (!s || isOwnDepartment(a, s.ownerDepartmentId))),
  // Measurements and follow-ups: the benefit's owner, the owning department's managers, DIG and admin.
  // Without a subject: whether the role could ever (viewers never; anyone else as a benefit's owner).
  "benefit.measure": (a, s) =>
    a.role !== "VIEWER" &&
    (!s || a.role === "ADMIN" || a.role === "DIG" || (s.ownerId !== null && a.id === s.ownerId) || (a.role === "DEPARTMENT_MANAGER" && isOwnDepartment(a, s.ownerDepartmentId))),
  "benefit.settings": (a) => a.role === "DIG" || a.role === "ADMIN",
  // Everyone's follow-ups (not only one's own or one's department's): the central roles.
  "benefit.followUpsOfAll": (a) => CENTRAL.includes(a.role),
  // Every initiative's own history is open to all; the whole audit log to admin and leadership.
  "audit.read": () => true,
  "audit.browse": (a) => a.role === "ADMIN" || a.role === "LEADERSHIP",
  "data.export": (a) => a.role === "ADMIN",
  "data.import": (a) => a.role === "ADMIN" || a.role === "DIG",
  "data.restore": (a) => a.role === "ADMIN",
  "admin.users": (a) => a.role === "ADMIN",
  "admin.organisation": (a) => a.role === "ADMIN",
  "admin.sso": (a) => a.role === "ADMIN",
  "admin.tokens": (a) => a.role === "ADMIN",
  // The political direction: the elected assembly's goals, kept by admin and leadership.
  "goals.manage": (a) => a.role === "ADMIN" || a.role === "LEADERSHIP",
  // Creating, renaming and deactivating pools: DIG and admin for every pool; a department's
  // managers for their own local pool.
  "pool.manage": (a, s) =>
    a.role === "ADMIN" || a.role === "DIG" ||
    (a.role === "DEPARTMENT_MANAGER" && (!s || (s.kind === "LOCAL" && isOwnDepartment(a, s.departmentId)))),
  // The page for creating pools and the resource settings (/resources/manage): whoever may do either.
  "pool.managePage": (a) => can(a, "pool.manage") || can(a, "resource.settings"),
  // The settings overview: for every role that keeps some of the settings.
  "settings.open": (a) => a.role === "ADMIN" || a.role === "DIG" || a.role === "LEADERSHIP",
};

/**
 * May this actor do this action (to this subject)? Actions about a particular initiative or pool
 * need that subject; without it they answer whether the actor could ever (for some subject), which
 * use cases ask first, before they read the input or reveal anything about the object.
 */
export function can<A extends Action>(actor: Actor | null | undefined, action: A, subject?: Subjects[A]): boolean {
  if (!actor) return false;
  const rule = rules[action] as (actor: Actor, subject: Subjects[A] | undefined) => boolean;
  return rule(actor, subject);
}

export class ForbiddenError extends Error {
  readonly status = 403;
  constructor(readonly action: Action) {
    super(`Not allowed: ${action}`);
  }
}

export class UnauthenticatedError extends Error {
  readonly status = 401;
  constructor() {
    super("Sign-in required");
  }
}

/** Throws unless the actor may do the action; use at the top of every mutation. */
export function authorize<A extends Action>(actor: Actor | null | undefined, action: A, subject?: Subjects[A]): Actor {
  if (!actor) throw new UnauthenticatedError();
  if (!can(actor, action, subject)) throw new ForbiddenError(action);
  return actor;
}
