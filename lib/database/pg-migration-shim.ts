// @prisma/adapter-pg 6.19 cannot deserialize PostgreSQL catalog columns of type
// `name` (OID 19), which `prisma migrate deploy` reads; it fails with "Column type
// 'name' could not be deserialized". The values are plain strings, so this pool
// reports them as `text` (OID 25). Used only for migrations (see adapters.ts).
import pg from "pg";

export const NAME_OID = 19;
export const TEXT_OID = 25;

type WithFields = { fields?: Array<{ dataTypeID: number }> };

export function relabelNameColumns<T>(result: T): T {
  const fields = (result as WithFields | undefined)?.fields;
  if (Array.isArray(fields)) {
    for (const field of fields) if (field.dataTypeID === NAME_OID) field.dataTypeID = TEXT_OID;
  }
  return result;
}

export class CatalogTypePool extends pg.Pool {
  // pg's overloads are many; Prisma uses the promise form, callbacks are passed through.
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  override query(...args: any[]): any {
    const last = args[args.length - 1];
    if (typeof last === "function") {
      args[args.length - 1] = (err: Error | null, res: unknown) => last(err, err ? res : relabelNameColumns(res));
      // eslint-disable-next-line @typescript-eslint/no-explicit-any
      return (super.query as any)(...args);
    }
    // eslint-disable-next-line @typescript-eslint/no-explicit-any
    return (super.query as any)(...args).then(relabelNameColumns);
  }
}
