import { defineConfig } from "@playwright/test";

const PORT = Number(process.env.E2E_PORT ?? 3100);

export default defineConfig({
  testDir: "tests/e2e",
  fullyParallel: false,
  workers: 2,
  retries: 0,
  // Generous: axe over a full portfolio page on a 2-core machine takes a while.
  timeout: 120_000,
  reporter: [["list"]],
  use: {
    baseURL: `http://localhost:${PORT}`,
    locale: "sv-SE",
    trace: "retain-on-failure",
    launchOptions: {
      // Debian's Chromium: Playwright's own browser download cannot work in closed networks.
      executablePath: process.env.CHROMIUM_PATH ?? "/usr/bin/chromium",
      args: ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run"],
    },
  },
  webServer: {
    // The production build on a fresh embedded database, seeded with the demo municipality.
    command: `rm -rf data/e2e && node scripts/start.mjs`,
    env: { PORT: String(PORT), PGLITE_DATA_DIR: "data/e2e", NEXTAUTH_SECRET: "e2e-only-secret", DATABASE_URL: "", I18N_STRICT: "1" },
    url: `http://localhost:${PORT}/api/health`,
    timeout: 180_000,
    reuseExistingServer: false,
    stdout: "pipe",
  },
});
