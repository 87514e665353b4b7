import fs from "node:fs";
import path from "node:path";
import { Validator } from "@seriousme/openapi-schema-validator";
import { describe, expect, it } from "vitest";
import { openApiDocument } from "@/lib/server/openapi";

const METHODS = ["GET", "POST", "PUT", "PATCH", "DELETE"];

/** Every route handler under app/api/v1 as "METHOD /path/{param}". */
function implementedOperations(): string[] {
  const root = path.resolve("app/api/v1");
  const found: string[] = [];
  const walk = (dir: string) => {
    for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
      const full = path.join(dir, entry.name);
      if (entry.isDirectory()) walk(full);
      else if (entry.name === "route.ts") {
        const route = "/api/v1/" + path.relative(root, dir).split(path.sep).join("/").replace(/\[(\w+)\]/g, "{$1}");
        if (route.endsWith("openapi.json")) continue;
        const source = fs.readFileSync(full, "utf8");
        for (const method of METHODS) if (new RegExp(`export (const|async function|function) ${method}\\b`).test(source)) found.push(`${method} ${route}`);
      }
    }
  };
  walk(root);
  return found.sort();
}

describe("OpenAPI document", () => {
  const doc = openApiDocument();
  const documented = Object.entries(doc.paths ?? {})
    .flatMap(([p, item]) => METHODS.filter((m) => (item as Record<string, unknown>)[m.toLowerCase()]).map((m) => `${m} ${p}`))
    .sort();

  it("is OpenAPI 3.1 and documents exactly the implemented operations", () => {
    expect(doc.openapi).toBe("3.1.0");
    expect(documented).toEqual(implementedOperations());
  });

  it("gives every operation an id, error responses in the shared shape, and request schemas", () => {
    for (const item of Object.values(doc.paths ?? {})) {
      for (const m of METHODS) {
        const operation = (item as Record<string, { operationId?: string; responses: Record<string, { content?: Record<string, { schema: unknown }> }>; requestBody?: unknown }>)[m.toLowerCase()];
        if (!operation) continue;
        expect(operation.operationId).toBeTruthy();
        expect(operation.responses["400"]?.content?.["application/json"]?.schema).toEqual({ $ref: "#/components/schemas/Error" });
        if (m === "POST" || m === "PATCH") expect(operation.requestBody).toBeTruthy();
      }
    }
  });

  it("is a valid OpenAPI 3.1 document", async () => {
    const validator = new Validator();
    const result = await validator.validate(structuredClone(doc) as unknown as Parameters<Validator["validate"]>[0]);
    expect(result.errors ?? []).toEqual([]);
    expect(result.valid).toBe(true);
    expect(validator.version).toBe("3.1");
  });

  it("the validator is not a rubber stamp: a broken copy fails", async () => {
    const broken = structuredClone(doc) as unknown as { paths: Record<string, Record<string, { responses?: unknown }>> };
    delete broken.paths["/api/v1/initiatives"]!.get!.responses;
    (broken.paths["/api/v1/initiatives"] as Record<string, unknown>).get = { ...broken.paths["/api/v1/initiatives"]!.get, parameters: [{ name: "x" }] };
    const result = await new Validator().validate(broken as unknown as Parameters<Validator["validate"]>[0]);
    expect(result.valid).toBe(false);
  });

  it("documents both ways in: the session cookie and a Bearer API token, accepted everywhere", () => {
    const schemes = doc.components?.securitySchemes as Record<string, { type: string; scheme?: string; in?: string }>;
    expect(schemes.bearerToken).toMatchObject({ type: "http", scheme: "bearer" });
    expect(schemes.sessionCookie).toMatchObject({ type: "apiKey", in: "cookie" });
    expect(doc.security).toEqual([{ sessionCookie: [] }, { bearerToken: [] }]);
  });

  it("documents the error responses each operation can give, in the shared error shape", () => {
    const errorRef = { $ref: "#/components/schemas/Error" };
    for (const [route, item] of Object.entries(doc.paths ?? {})) {
      for (const m of METHODS) {
        type Operation = { responses: Record<string, { content?: Record<string, { schema: unknown }> }>; requestBody?: { content: Record<string, { schema: unknown }> } };
        const operation = (item as Record<string, Operation>)[m.toLowerCase()];
        if (!operation) continue;
        const where = `${m} ${route}`;
        const expected = ["401", "403"];
        // An operation on one thing (a path parameter) can miss it.
        if (route.includes("{")) expected.push("404");
        // An operation that sends the version it read can be stale.
        const body = operation.requestBody?.content["application/json"]?.schema as { $ref?: string; properties?: Record<string, unknown> } | undefined;
        const bodySchema = body?.$ref ? (doc.components?.schemas?.[body.$ref.split("/").pop()!] as { properties?: Record<string, unknown> }) : body;
        if (bodySchema?.properties && "version" in bodySchema.properties) expected.push("409");
        if (operation.requestBody) expected.push("400", "413", "415");
        for (const status of expected) expect(operation.responses[status]?.content?.["application/json"]?.schema, `${where} ${status}`).toEqual(errorRef);
      }
    }
  });
});
