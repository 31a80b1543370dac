import { is, SQL, sql, type SQLWrapper } from 'drizzle-orm';
import type { DbOrTx } from './index.ts';

// The small SQL helpers every repository needs, kept here so they are written once.

/** `db.execute` is typed loosely on both drivers; both return `{ rows }`, so name the row type once here. */
export const rows = <T>(result: unknown): T[] => (result as { rows: T[] }).rows;

/** Escapes LIKE wildcards (and the escape character itself) so user text matches literally. */
export const escapeLike = (s: string): string => s.replace(/[\\%_]/g, (m) => '\\' + m);

/**
 * Dates come back as Date from Drizzle columns but as strings from raw `db.execute` on some
 * drivers; one ISO form for answers, null kept as null.
 */
export const iso = (v: Date | string | null | undefined): string | null => (v == null ? null : new Date(v).toISOString());

/**
 * Raw `db.execute` rows can carry timestamps as strings (drivers differ); the named fields as
 * Date, null kept as null, the rest of the row as it is.
 */
export function withDates<T extends object>(row: T, keys: readonly (keyof T)[]): T {
  const out: Record<keyof T, unknown> = { ...row };
  for (const k of keys) if (out[k] != null) out[k] = new Date(out[k] as string | Date);
  return out as T;
}

/**
 * Serialises work on `key` until the transaction ends (a PostgreSQL advisory lock on the key's
 * hash): two imports of one organisation, two assignments of one template, two sweeps.
 */
export async function lockKey(db: DbOrTx, key: string): Promise<void> {
  await db.execute(sql`select pg_advisory_xact_lock(hashtext(${key}))`);
}

/**
 * A uuid[] passed as ONE parameter (a Postgres array literal), so a long id list does not become
 * one placeholder per id. Use as `col = any(${uuidArray(ids)})`.
 */
export const uuidArray = (ids: readonly string[]): SQL => sql`${`{${ids.join(',')}}`}::uuid[]`;

/**
 * The ids a fragment filters on: a list (one uuid[] parameter, as `uuidArray`) or a uuid[]
 * expression of the statement the fragment is part of (`array(select …)`), so a read can take
 * the ids from its own rows in one statement.
 */
export type UuidList = readonly string[] | SQL;
export const uuidList = (ids: UuidList): SQL => (is(ids, SQL) ? ids : uuidArray(ids));

const keyset = (op: '>' | '<') => (cols: readonly SQLWrapper[], key: readonly unknown[] | undefined): SQL | undefined =>
  key ? sql`(${sql.join([...cols], sql`, `)}) ${sql.raw(op)} (${sql.join(key.map((v) => sql`${v}`), sql`, `)})` : undefined;

/**
 * Keyset pagination in ascending order: the rows after `key` in the order of `cols` (the last
 * one unique, usually the id), as ONE row comparison `(a, b, id) > (x, y, z)`, which an index on
 * those columns serves. Undefined without a key (the first page). Pair with `keysetPage`
 * (platform/http/openapi.ts), which cuts the page and writes the next cursor.
 */
export const afterKey = keyset('>');

/** Keyset pagination in descending order (newest first): the rows before `key` in the order of `cols`. */
export const beforeKey = keyset('<');
