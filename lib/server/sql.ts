import "server-only";
import { Prisma } from "@/lib/generated/prisma/client";

/**
 * `= ANY(…)` over a list of text values in raw SQL, as one array parameter (an index on the
 * compared expression serves it). Both engines take a text[] parameter through an explicit cast.
 */
export function anyText(values: readonly string[]): Prisma.Sql {
  return Prisma.sql`= ANY(CAST(${[...values]} AS text[]))`;
}

/**
 * `= ANY(…)` over initiative statuses in raw SQL, comparing the enum itself so that the index on
 * the status serves it (`status::text IN (…)` cannot use it). The list travels as text[] and is
 * cast in SQL: PGlite's adapter refuses an array parameter cast straight to the enum's array.
 */
export function anyStatus(statuses: readonly string[]): Prisma.Sql {
  return Prisma.sql`= ANY(CAST(${[...statuses]} AS text[])::"InitiativeStatus"[])`;
}
