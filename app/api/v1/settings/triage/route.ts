import { authorize } from "@/lib/auth/policy";
import { api, readJson } from "@/lib/server/api";
import { triageSettings, updateTriageSettings } from "@/lib/server/settings";

export const GET = api(async ({ actor }) => {
  authorize(actor, "triage.settings");
  return { data: await triageSettings() };
});

export const PUT = api(async ({ request, actor }) => ({ data: await updateTriageSettings(actor, await readJson(request)) }));
