import type { NextConfig } from "next";
import createNextIntlPlugin from "next-intl/plugin";

const withNextIntl = createNextIntlPlugin({
  requestConfig: "./lib/i18n/request.ts",
  // Messages are compiled at build time: formatting then skips parsing ICU messages on every
  // request (it was a tenth of the portfolio page's server time).
  experimental: { messages: { path: "./lib/i18n", format: "json", locales: ["sv", "en"], precompile: true } },
});

const config: NextConfig = {
  // PGlite and HiGHS ship WebAssembly (and PGlite data files) that must be loaded from node_modules as is.
  serverExternalPackages: ["@electric-sql/pglite", "pglite-prisma-adapter", "pg", "bcryptjs", "exceljs", "highs"],
  poweredByHeader: false,
  async headers() {
    return [
      {
        source: "/:path*",
        headers: [
          { key: "X-Content-Type-Options", value: "nosniff" },
          { key: "Referrer-Policy", value: "same-origin" },
          { key: "X-Frame-Options", value: "DENY" },
        ],
      },
    ];
  },
};

export default withNextIntl(config);
