import "server-only";
import type { Prisma } from "@/lib/generated/prisma/client";

const IDENTIFIER = /^[A-Za-z_][A-Za-z0-9_]*$/;

/**
 * Inserts many rows with one statement per chunk: the rows travel as one JSON parameter and
 * PostgreSQL (server or PGlite) turns them into the table's row type with
 * json_populate_recordset, converting dates, enums, arrays and JSON columns itself.
 * Measured here on 1,000 initiatives: Prisma's createMany ≈ 1.1 s (≈ 0.4 s of it CPU in
 * this process), this ≈ 0.12 s (13 ms CPU). Every row must carry the same keys (field
 * names = column names); columns left out get their defaults. Dates go in as ISO strings
 * in UTC, which is how Prisma stores DateTime (timestamp without time zone).
 */
export async function bulkInsert(tx: Prisma.TransactionClient, table: string, rows: Record<string, unknown>[], chunk = 2000): Promise<void> {
  if (rows.length === 0) return;
  const columns = Object.keys(rows[0]!);
  for (const name of [table, ...columns]) if (!IDENTIFIER.test(name)) throw new Error(`Not a plain identifier: ${name}`);
  const list = columns.map((c) => `"${c}"`).join(", ");
  const sql = `INSERT INTO "${table}" (${list}) SELECT ${list} FROM json_populate_recordset(NULL::"${table}", $1::json)`;
  for (let start = 0; start < rows.length; start += chunk) await tx.$executeRawUnsafe(sql, JSON.stringify(rows.slice(start, start + chunk)));
}
