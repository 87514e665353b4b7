import pg from "pg";
import { PrismaPg } from "@prisma/adapter-pg";
import { describe, expect, inject, it } from "vitest";
import { PrismaClient } from "@/lib/generated/prisma/client";
import { CatalogTypePool } from "@/lib/database/pg-migration-shim";

// The shim exists for the Prisma CLI against a PostgreSQL server (migrate status/deploy);
// this proves both the adapter's limitation and the fix on a real server.
// Skipped only where no server is reachable, never in CI (global-setup fails there).
const adminUrl = inject("pgAdminUrl");
const catalogQuery = (client: PrismaClient) => client.$queryRawUnsafe<{ nspname: string }[]>("SELECT nspname FROM pg_namespace WHERE nspname = 'public'");

describe.skipIf(!adminUrl)("catalog type shim [PostgreSQL server]", () => {
  it("without it the pg adapter cannot read catalog columns of type name", async () => {
    const plain = new PrismaClient({ adapter: new PrismaPg(new pg.Pool({ connectionString: adminUrl })) });
    await expect(catalogQuery(plain)).rejects.toThrow(/type 'name'/);
    await plain.$disconnect();
  });
  it("with it the same query answers", async () => {
    const shimmed = new PrismaClient({ adapter: new PrismaPg(new CatalogTypePool({ connectionString: adminUrl })) });
    expect(await catalogQuery(shimmed)).toEqual([{ nspname: "public" }]);
    await shimmed.$disconnect();
  });
});
