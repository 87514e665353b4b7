import { api } from "@/lib/server/api";
import { previewDecision } from "@/lib/server/meetings";

export const GET = api<{ id: string; initiativeId: string }>(async ({ actor, params }) => ({ data: await previewDecision(actor, params.id, params.initiativeId) }));
