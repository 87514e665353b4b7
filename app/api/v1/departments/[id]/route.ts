import { api, readJson } from "@/lib/server/api";
import { deleteDepartment, getDepartment, updateDepartment } from "@/lib/server/organisation";

export const GET = api<{ id: string }>(async ({ actor, params }) => ({ data: await getDepartment(actor, params.id) }));

export const PATCH = api<{ id: string }>(async ({ request, actor, params }) => ({ data: await updateDepartment(actor, params.id, await readJson(request)) }));

/** Only a unit nothing refers to; any other is deactivated instead (409 IN_USE). */
export const DELETE = api<{ id: string }>(async ({ actor, params }) => ({ data: await deleteDepartment(actor, params.id) }));
