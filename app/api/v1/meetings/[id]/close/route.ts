import { api } from "@/lib/server/api";
import { closeMeeting } from "@/lib/server/meetings";

// No fields to send: any body is ignored.
export const POST = api<{ id: string }>(async ({ actor, params }) => ({ data: await closeMeeting(actor, params.id) }));
