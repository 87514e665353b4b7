import { api, readJson } from "@/lib/server/api";
import { addComment, getInitiative } from "@/lib/server/initiatives";

export const GET = api<{ id: string }>(async ({ actor, params }) => {
  const initiative = await getInitiative(actor, params.id);
  return { data: initiative.comments.map((c) => ({ id: c.id, body: c.body, author: c.author?.name ?? null, createdAt: c.createdAt })) };
});

export const POST = api<{ id: string }>(async ({ request, actor, params }) => ({ status: 201, data: await addComment(actor, params.id, await readJson(request)) }));
