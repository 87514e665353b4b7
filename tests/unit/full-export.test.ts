import fs from "node:fs";
import { describe, expect, it } from "vitest";
import { Prisma } from "@/lib/generated/prisma/client";
import { ENTITIES } from "@/lib/server/full-export/entities";
import type { AppError } from "@/lib/server/errors";
import { readExportBody } from "@/lib/server/full-export";
import { eventsOf } from "../support/export-events";

/** model name → { its scalar foreign-key field → the model it references } from schema.prisma. */
function schemaRelations(): Map<string, Record<string, string>> {
  const schema = fs.readFileSync("prisma/schema.prisma", "utf8");
  const models = new Map<string, Record<string, string>>();
  for (const match of schema.matchAll(/^model (\w+) \{([\s\S]*?)^\}/gm)) {
    const relations: Record<string, string> = {};
    for (const line of match[2]!.split("\n")) {
      const relation = /^\s*\w+\s+(\w+)\??\s+@relation\((?:"[^"]*",\s*)?fields: \[(\w+)\]/.exec(line);
      if (relation) relations[relation[2]!] = relation[1]!;
    }
    models.set(match[1]!, relations);
  }
  return models;
}

describe("full export: the entity list", () => {
  it("covers every model of the schema exactly once", () => {
    const models = ENTITIES.map((e) => e.model);
    expect([...models].sort()).toEqual(Object.values(Prisma.ModelName).sort());
    expect(new Set(ENTITIES.map((e) => e.key)).size).toBe(ENTITIES.length);
    // The export writes a row's fields in Prisma's order (as findMany gave them), each one in the row's schema.
    for (const e of ENTITIES) expect([e.model, [...e.columns].sort()]).toEqual([e.model, Object.keys(e.row.shape).sort()]);
    expect(ENTITIES.find((e) => e.key === "users")!.columns.slice(-3)).toEqual(["createdAt", "updatedAt", "lastDigestAt"]);
  });

  it("lists every foreign key of the schema, each pointing at an entity that comes earlier", () => {
    const relations = schemaRelations();
    const modelOfKey = new Map(ENTITIES.map((e) => [e.key, e.model]));
    ENTITIES.forEach((entity, index) => {
      const declared = Object.fromEntries(Object.entries(entity.references).map(([field, key]) => [field, modelOfKey.get(key)]));
      expect([entity.model, declared]).toEqual([entity.model, relations.get(entity.model)]);
      // A table may refer to itself (a department's parent): restore sets those references once the table is in.
      for (const target of Object.values(entity.references)) if (target !== entity.key) expect(ENTITIES.findIndex((e) => e.key === target)).toBeLessThan(index);
    });
  });
});

describe("full export: reading a restore body", () => {
  const post = (body: string, type = "application/json") => new Request("http://localhost/api/v1/restore", { method: "POST", headers: { "content-type": type }, body });
  const refused = async (request: Request, max = 100) => {
    const error = (await readExportBody(request, max).catch((e) => e)) as AppError;
    return [error.status, error.code];
  };

  it("reads a JSON body's bytes and refuses other types and oversized bodies with a 4xx; the stream parser refuses malformed ones", async () => {
    const bytes = await readExportBody(post('{"format":"portfoljen-export"}'), 100);
    expect(new TextDecoder().decode(bytes)).toBe('{"format":"portfoljen-export"}');
    expect(await refused(post("{}", "text/plain"))).toEqual([415, "UNSUPPORTED_MEDIA_TYPE"]);
    expect(await refused(post(`{"x":"${"a".repeat(200)}"}`))).toEqual([413, "PAYLOAD_TOO_LARGE"]);
    const malformed = (await eventsOf([await readExportBody(post('{"format":'), 100)]).catch((e) => e)) as AppError;
    expect([malformed.status, malformed.code]).toEqual([400, "MALFORMED_JSON"]);
  });
});
