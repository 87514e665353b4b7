import fs from "node:fs";
import path from "node:path";
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
});
