// next-auth v4: credentials (bcrypt) plus a generic OIDC provider (Entra ID, Keycloak …)
// when OIDC_ISSUER, OIDC_CLIENT_ID and OIDC_CLIENT_SECRET are set. JWT sessions carry id,
// role, department and the person's session version; authorization itself lives in ./policy.ts.
import type { AuthOptions, Session } from "next-auth";
import type { JWT } from "next-auth/jwt";
import type { Provider } from "next-auth/providers/index";
import CredentialsProvider from "next-auth/providers/credentials";
import { credentialsSchema } from "@/lib/validation/auth";
import { provisionSsoUser } from "@/lib/server/sso";
import { verifyCredentials, type SignedInUser } from "@/lib/server/users";
import { databaseFailures } from "@/lib/server/sign-in-failures";
import { LoginThrottle } from "./throttle";

const throttle = new LoginThrottle(databaseFailures);
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

function clientAddress(headers: Record<string, unknown> | undefined): string {
  const forwarded = headers?.["x-forwarded-for"];
  const first = typeof forwarded === "string" ? forwarded.split(",")[0]?.trim() : undefined;
  const real = headers?.["x-real-ip"];
  return first || (typeof real === "string" ? real : "") || "unknown";
}

export function oidcConfigured(): boolean {
  return Boolean(process.env.OIDC_ISSUER && process.env.OIDC_CLIENT_ID && process.env.OIDC_CLIENT_SECRET);
}

export function providers(): Provider[] {
  const list: Provider[] = [
    CredentialsProvider({
      id: "credentials",
      name: "E-post och lösenord",
      credentials: { email: { type: "email" }, password: { type: "password" } },
      async authorize(credentials, req) {
        const parsed = credentialsSchema.safeParse(credentials);
        if (!parsed.success) return null;
        // Per address and per account: an address is easy to forge in X-Forwarded-For, an account is not.
        const keys = [`address:${clientAddress(req?.headers as Record<string, unknown> | undefined)}`, `account:${parsed.data.email.toLowerCase()}`];
        const wait = Math.max(...(await Promise.all(keys.map((k) => throttle.delayFor(k)))));
        if (wait > 0) await sleep(wait);
        const user = await verifyCredentials(parsed.data.email, parsed.data.password);
        if (!user) {
          for (const k of keys) await throttle.recordFailure(k);
          return null;
        }
        for (const k of keys) await throttle.recordSuccess(k);
        return user;
      },
    }),
  ];
  if (oidcConfigured()) {
    const issuer = process.env.OIDC_ISSUER!.replace(/\/$/, "");
    list.push({
      id: "oidc",
      name: process.env.OIDC_NAME ?? "Kommunens inloggning",
      type: "oauth",
      wellKnown: `${issuer}/.well-known/openid-configuration`,
      clientId: process.env.OIDC_CLIENT_ID,
      clientSecret: process.env.OIDC_CLIENT_SECRET,
      authorization: { params: { scope: process.env.OIDC_SCOPE ?? "openid email profile" } },
      idToken: true,
      checks: ["pkce", "state"],
      profile(profile: { sub: string; email?: string; preferred_username?: string; name?: string }) {
        return { id: profile.sub, email: profile.email ?? profile.preferred_username ?? "", name: profile.name ?? profile.email ?? "" };
      },
    });
  }
  return list;
}

/** Where a refused single sign-on lands: the sign-in page, saying why. */
export const SSO_REFUSED = { noEmail: "SsoNoEmail", deactivated: "SsoDeactivated", unknown: "SsoUnknown", unmapped: "SsoUnmapped" } as const;

/** The signed-in user as the session token carries it (see the jwt callback below). */
export function sessionUser(token: JWT): Session["user"] {
  return {
    id: token.uid ?? "",
    name: token.name ?? "",
    email: token.email ?? "",
    role: token.role ?? "VIEWER",
    departmentId: token.departmentId ?? null,
    departmentName: token.departmentName ?? null,
  };
}

type ProvisionedUser = { portfoljen?: SignedInUser };

export const authOptions: AuthOptions = {
  providers: providers(),
  session: { strategy: "jwt", maxAge: 8 * 60 * 60 },
  pages: { signIn: "/signin", error: "/signin" },
  callbacks: {
    // After the identity provider has authenticated someone: create them, re-apply the group
    // mapping, or refuse (lib/server/sso.ts). The person travels on to the jwt callback.
    async signIn({ user, account, profile }) {
      if (account?.provider !== "oidc") return true;
      const outcome = await provisionSsoUser({ email: user.email, name: user.name, claims: (profile ?? {}) as Record<string, unknown> });
      if (!outcome.ok) return `/signin?error=${SSO_REFUSED[outcome.reason]}`;
      (user as ProvisionedUser).portfoljen = outcome.user;
      return true;
    },
    async jwt({ token, user, account }) {
      if (user) {
        const known = account?.provider === "oidc" ? (user as ProvisionedUser).portfoljen : (user as unknown as SignedInUser);
        if (known) {
          token.uid = known.id;
          token.name = known.name;
          token.email = known.email;
          token.role = known.role;
          token.departmentId = known.departmentId;
          token.departmentName = known.departmentName;
          token.sv = known.sessionVersion;
        }
      }
      return token;
    },
    async session({ session, token }) {
      session.user = sessionUser(token);
      return session;
    },
  },
};
