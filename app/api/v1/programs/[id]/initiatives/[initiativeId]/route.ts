import { api } from "@/lib/server/api";
import { removeProgramInitiative } from "@/lib/server/programs";

export const DELETE = api<{ id: string; initiativeId: string }>(async ({ actor, params }) => ({ data: await removeProgramInitiative(actor, params.id, params.initiativeId) }));
