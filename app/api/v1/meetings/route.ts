import { api, readJson } from "@/lib/server/api";
import { createMeeting, listMeetings } from "@/lib/server/meetings";

export const GET = api(async ({ request, actor }) => {
  const { upcoming, past, page, pages } = await listMeetings(actor, { pastPage: new URL(request.url).searchParams.get("page") ?? undefined });
  return Response.json({ data: { upcoming, past }, page, pages });
});

export const POST = api(async ({ request, actor }) => ({ status: 201, data: await createMeeting(actor, await readJson(request)) }));
