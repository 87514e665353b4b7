import { api, readJson } from "@/lib/server/api";
import { benefitPlan, createBenefit } from "@/lib/server/benefits";

/** The benefit plan: every benefit with its measurements, follow-ups and what is realised. */
export const GET = api<{ id: string }>(async ({ actor, params }) => {
  const { may: _may, ownerDepartmentId: _department, ...plan } = await benefitPlan(actor, params.id);
  return { data: plan };
});

export const POST = api<{ id: string }>(async ({ request, actor, params }) => ({ status: 201, data: await createBenefit(actor, params.id, await readJson(request)) }));
