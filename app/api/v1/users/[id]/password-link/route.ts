import { api } from "@/lib/server/api";
import { issuePasswordLink } from "@/lib/server/users";

/** A new one-time link to set the password (an invitation, or a reset for someone who has one). */
export const POST = api<{ id: string }>(async ({ actor, params }) => ({ status: 201, data: await issuePasswordLink(actor, params.id) }));
