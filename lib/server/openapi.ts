// The OpenAPI 3.1 description of /api/v1, generated from the zod schemas the API validates with.
// Each area's paths live in lib/server/openapi/<area>.ts.
import { createDocument } from "zod-openapi";
import { administrationPaths } from "./openapi/administration";
import { benefitsPaths } from "./openapi/benefits";
import { dataPaths } from "./openapi/data";
import { initiativesPaths } from "./openapi/initiatives";
import { meetingsPaths } from "./openapi/meetings";
import { portfolioPaths } from "./openapi/portfolio";
import { security } from "./openapi/security";
import { resourcesPaths } from "./openapi/resources";
import { scenariosPaths } from "./openapi/scenarios";
import { programsPaths } from "./openapi/programs";
import { settingsPaths } from "./openapi/settings";
import { tokensPaths } from "./openapi/tokens";
import { triagePaths } from "./openapi/triage";

export function openApiDocument() {
  return createDocument({
    openapi: "3.1.0",
    info: {
      title: "Portföljen API",
      version: "1.0.0",
      description: "The open API of Portföljen: the municipality's portfolio of digital initiatives. Authenticate with a session cookie or an API token (Authorization: Bearer).",
    },
    servers: [{ url: "/" }],
    ...security,
    paths: {
      ...initiativesPaths,
      ...triagePaths,
      ...settingsPaths,
      ...portfolioPaths,
      ...meetingsPaths,
      ...tokensPaths,
      ...resourcesPaths,
      ...programsPaths,
      ...dataPaths,
      ...administrationPaths,
      ...benefitsPaths,
      ...scenariosPaths,
    },
  });
}
