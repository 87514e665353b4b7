import { describe, expect, it } from "vitest";
import { auditQuery } from "@/lib/validation/audit";
import { initiativeFilter } from "@/lib/validation/initiative";
import { userQuery } from "@/lib/validation/users";

// A search box's text comes from the URL, where anyone can put a NUL byte: it must never reach
// PostgreSQL (which refuses it with an error, a 500 on the page).
describe("search text from a URL", () => {
  it("drops control characters from the initiative, people and audit searches, keeping the words", () => {
    expect(initiativeFilter.parse({ q: "e-\u0000arkiv\u0007 " }).q).toBe("e- arkiv");
    expect(userQuery.parse({ q: "\u0000anna" }).q).toBe("anna");
    expect(auditQuery.parse({ actor: "per\u001f" }).actor).toBe("per");
  });
  it("still bounds the length", () => {
    expect(userQuery.safeParse({ q: "x".repeat(201) }).success).toBe(false);
  });
});
