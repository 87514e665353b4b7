import { api } from "@/lib/server/api";
import { getMeeting } from "@/lib/server/meetings";

export const GET = api<{ id: string }>(async ({ actor, params }) => ({ data: await getMeeting(actor, params.id) }));
