import { api, readJson } from "@/lib/server/api";
import { deleteAllocation, updateAllocation } from "@/lib/server/resources";

export const PATCH = api<{ id: string }>(async ({ request, actor, params }) => ({ data: await updateAllocation(actor, params.id, await readJson(request)) }));

/** The version travels as ?version=… (a DELETE has no body). */
export const DELETE = api<{ id: string }>(async ({ request, actor, params }) => {
  const raw = new URL(request.url).searchParams.get("version");
  return { data: await deleteAllocation(actor, params.id, { version: raw === null || raw === "" ? undefined : Number(raw) }) };
});
