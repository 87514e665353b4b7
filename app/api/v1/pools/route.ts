import { api } from "@/lib/server/api";
import { listPools } from "@/lib/server/resources";

export const GET = api(async ({ actor }) => ({ data: await listPools(actor) }));
