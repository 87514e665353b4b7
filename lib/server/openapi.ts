// The OpenAPI 3.1 description of /api/v1, generated from the zod schemas the API validates with.
// Each area's paths live in lib/server/openapi/<area>.ts.
import { createDocument } from "zod-openapi";
import { dataPaths } from "./openapi/data";
import { initiativesPaths } from "./openapi/initiatives";
import { portfolioPaths } from "./openapi/portfolio";
import { settingsPaths } from "./openapi/settings";
import { triagePaths } from "./openapi/triage";

export function openApiDocument() {
  return createDocument({
    openapi: "3.1.0",
    info: {
      title: "Portföljen API",
      version: "1.0.0",
      description: "The open API of Portföljen: the municipality's portfolio of digital initiatives. Authenticate with a session cookie (or, where enabled, an API token).",
    },
    servers: [{ url: "/" }],
    paths: {
      ...initiativesPaths,
      ...triagePaths,
      ...settingsPaths,
      ...portfolioPaths,
      ...dataPaths,
    },
  });
}
