import { api } from "@/lib/server/api";
import { refreshAgenda } from "@/lib/server/meetings";

// No fields to send: any body is ignored.
export const POST = api<{ id: string }>(async ({ actor, params }) => ({ data: await refreshAgenda(actor, params.id) }));
