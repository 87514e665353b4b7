// A real OpenID Connect provider for the tests (the npm package oidc-provider, in-process),
// standing in for the municipality's Entra ID or Keycloak. Its people and their groups are
// set by the test; the ID token carries email, name and groups, as Entra ID's does.
import { generateKeyPairSync } from "node:crypto";
import http from "node:http";
import type { AddressInfo } from "node:net";
import Provider from "oidc-provider";

export type OidcAccount = { email: string; name: string; groups: string[] };

export type TestProvider = {
  issuer: string;
  clientId: string;
  clientSecret: string;
  /** People by login name (what one types in the provider's sign-in form). */
  accounts: Map<string, OidcAccount>;
  close(): Promise<void>;
};

export async function startOidcProvider(options: { port?: number; redirectUris: string[] }): Promise<TestProvider> {
  const accounts = new Map<string, OidcAccount>();
  const clientId = "portfoljen";
  const clientSecret = "portfoljen-test-secret";
  const server = http.createServer();
  await new Promise<void>((resolve) => server.listen(options.port ?? 0, "127.0.0.1", resolve));
  const port = (server.address() as AddressInfo).port;
  const issuer = `http://localhost:${port}`;
  const provider = new Provider(issuer, {
    clients: [{ client_id: clientId, client_secret: clientSecret, redirect_uris: options.redirectUris, grant_types: ["authorization_code"], response_types: ["code"] }],
    // The groups claim comes with every sign-in, as Entra ID sends it; claims go in the ID token.
    claims: { openid: ["sub", "groups"], email: ["email", "email_verified"], profile: ["name"] },
    conformIdTokenClaims: false,
    pkce: { required: () => true },
    features: { devInteractions: { enabled: true } },
    cookies: { keys: ["portfoljen-test-cookie-key"] },
    // A signing key of its own and explicit lifetimes, so the provider need not fall back on (and warn about) its defaults.
    jwks: { keys: [{ ...generateKeyPairSync("rsa", { modulusLength: 2048 }).privateKey.export({ format: "jwk" }), kid: "test", alg: "RS256", use: "sig" }] as never },
    ttl: { Interaction: 600, Session: 3600, Grant: 3600, AccessToken: 600, IdToken: 600, AuthorizationCode: 60 },
    async findAccount(_ctx, sub) {
      const account = accounts.get(sub);
      if (!account) return undefined;
      return { accountId: sub, claims: () => ({ sub, email: account.email, email_verified: true, name: account.name, groups: account.groups }) };
    },
  });
  // The provider's own warnings about development-only features are expected here.
  provider.on("server_error", (_ctx, error) => console.error("[oidc-provider]", error));
  server.on("request", provider.callback());
  return {
    issuer,
    clientId,
    clientSecret,
    accounts,
    close: () => new Promise<void>((resolve) => { server.closeAllConnections(); server.close(() => resolve()); }),
  };
}
