import { api, readJson } from "@/lib/server/api";
import { readBenefitSettings, updateBenefitSettings } from "@/lib/server/benefits";

export const GET = api(async ({ actor }) => ({ data: await readBenefitSettings(actor) }));

export const PUT = api(async ({ request, actor }) => ({ data: await updateBenefitSettings(actor, await readJson(request)) }));
