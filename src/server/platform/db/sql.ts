import { sql, type SQL } from 'drizzle-orm';

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
 * A uuid[] passed as ONE parameter (a Postgres array literal), so a long id list does not become
 * one placeholder per id. Use as `col = any(${uuidArray(ids)})`.
 */
export const uuidArray = (ids: readonly string[]): SQL => sql`${`{${ids.join(',')}}`}::uuid[]`;
