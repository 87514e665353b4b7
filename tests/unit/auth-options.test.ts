import { afterEach, describe, expect, it } from "vitest";
import { oidcConfigured, providers } from "@/lib/auth/options";

const OIDC = { OIDC_ISSUER: "https://login.kommun.example/realms/portfoljen/", OIDC_CLIENT_ID: "portfoljen", OIDC_CLIENT_SECRET: "s3cret" };

describe("sign-in providers", () => {
  afterEach(() => {
    for (const key of Object.keys(OIDC)) delete process.env[key];
  });

  it("offers only credentials without OIDC settings", () => {
    expect(oidcConfigured()).toBe(false);
    expect(providers().map((p) => p.id)).toEqual(["credentials"]);
  });

  it("adds a generic OIDC provider when issuer, client id and secret are all set", () => {
    Object.assign(process.env, { OIDC_ISSUER: OIDC.OIDC_ISSUER, OIDC_CLIENT_ID: OIDC.OIDC_CLIENT_ID });
    expect(providers().map((p) => p.id)).toEqual(["credentials"]);
    Object.assign(process.env, OIDC);
    const oidc = providers().find((p) => p.id === "oidc") as unknown as { wellKnown: string; clientId: string; checks: string[] };
    expect(oidc.wellKnown).toBe("https://login.kommun.example/realms/portfoljen/.well-known/openid-configuration");
    expect(oidc.clientId).toBe("portfoljen");
    expect(oidc.checks).toContain("pkce");
  });
});
