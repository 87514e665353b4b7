// The Prisma CLI runs on WebAssembly engines through a driver adapter, so it needs
// no native engine download (closed networks). See design.md "Known ground".
// The app migrates itself at start (lib/database/migrate.ts); the CLI is for generating
// the client, diffing schemas into new migrations, and inspecting a server.
import { defineConfig } from "prisma/config";
import { migrationAdapter } from "./lib/database/adapters";

// The embedded database cannot give the CLI its advisory lock; one process owns it anyway.
process.env.PRISMA_SCHEMA_DISABLE_ADVISORY_LOCK ??= "1";

export default defineConfig({
  experimental: { adapter: true },
  engine: "js",
  schema: "prisma/schema.prisma",
  migrations: { path: "prisma/migrations" },
  async adapter() {
    return migrationAdapter() as never;
  },
});
