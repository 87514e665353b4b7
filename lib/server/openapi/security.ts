// How callers authenticate: the browser session's cookie, or an API token as a Bearer credential.
import type { ZodOpenApiObject } from "zod-openapi";

export const security: Pick<ZodOpenApiObject, "components" | "security"> = {
  components: {
    securitySchemes: {
      sessionCookie: {
        type: "apiKey",
        in: "cookie",
        name: "next-auth.session-token",
        description: "The session of a signed-in person (named __Secure-next-auth.session-token over HTTPS). Writing needs the role the operation names.",
      },
      bearerToken: {
        type: "http",
        scheme: "bearer",
        bearerFormat: "pf_…",
        description:
          "An API token created by an administrator under Settings → API tokens: `Authorization: Bearer pf_…`. It acts with the role chosen at creation; scope READ allows GET only, WRITE also POST, PUT, PATCH and DELETE (else 403 INSUFFICIENT_SCOPE). An unknown, revoked or expired token gets 401 INVALID_TOKEN.",
      },
    },
  },
  // Either one: an operation accepts a session or a token.
  security: [{ sessionCookie: [] }, { bearerToken: [] }],
};
