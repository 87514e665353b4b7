import { api, readJson } from "@/lib/server/api";
import { updateClassification } from "@/lib/server/initiatives";

export const PATCH = api<{ id: string }>(async ({ request, actor, params }) => ({ data: await updateClassification(actor, params.id, await readJson(request)) }));
