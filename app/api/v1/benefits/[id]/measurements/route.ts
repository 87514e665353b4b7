import { api, readJson } from "@/lib/server/api";
import { recordMeasurement } from "@/lib/server/benefits";

/** Appends a measured value (never overwrites; a correction names the entry it corrects). */
export const POST = api<{ id: string }>(async ({ request, actor, params }) => ({ status: 201, data: await recordMeasurement(actor, params.id, await readJson(request)) }));
