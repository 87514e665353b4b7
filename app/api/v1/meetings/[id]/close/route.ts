import { api, readOptionalJson } from "@/lib/server/api";
import { closeMeeting } from "@/lib/server/meetings";

// No body is needed for a meeting held today or earlier; one dated later needs { earlyReason }.
export const POST = api<{ id: string }>(async ({ request, actor, params }) => ({ data: await closeMeeting(actor, params.id, await readOptionalJson(request)) }));
