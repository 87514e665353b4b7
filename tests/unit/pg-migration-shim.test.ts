import { describe, expect, it } from "vitest";
import { NAME_OID, relabelNameColumns, TEXT_OID } from "@/lib/database/pg-migration-shim";

describe("relabelNameColumns", () => {
  it("reports catalog `name` columns as text and leaves other types alone", () => {
    const result = { rows: [["public", 1]], fields: [{ name: "nspname", dataTypeID: NAME_OID }, { name: "n", dataTypeID: 23 }] };
    expect(relabelNameColumns(result).fields.map((f) => f.dataTypeID)).toEqual([TEXT_OID, 23]);
  });
  it("passes results without fields through", () => {
    expect(relabelNameColumns(undefined)).toBeUndefined();
    expect(relabelNameColumns({ rowCount: 1 })).toEqual({ rowCount: 1 });
  });
});
