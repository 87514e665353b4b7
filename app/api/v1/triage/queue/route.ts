import { api } from "@/lib/server/api";
import { triageFlow, triageQueue } from "@/lib/server/triage";

export const GET = api(async ({ actor }) => {
  const [queue, flow] = await Promise.all([triageQueue(actor), triageFlow(actor)]);
  return Response.json({ data: queue, flow });
});
