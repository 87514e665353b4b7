import { api } from "@/lib/server/api";
import { triageView } from "@/lib/server/triage";

export const GET = api<{ id: string }>(async ({ actor, params }) => {
  const view = await triageView(actor, params.id);
  return { data: { initiativeId: view.initiative.id, status: view.initiative.status, version: view.initiative.version, suggestion: view.suggestion, checks: view.checks, completeness: view.completeness } };
});
