import { is, Param, Placeholder, type SQL } from 'drizzle-orm';
import { PgDialect } from 'drizzle-orm/pg-core';
import pg from 'pg';
import type { DbOrTx } from './index.ts';

type PgQueryable = pg.Pool | pg.PoolClient;
type PgliteQueryable = { query<T>(text: string, params?: unknown[]): Promise<{ rows: T[] }> };

/** The driver's client behind a Drizzle database or transaction (the pool, a pool client, PGlite or its transaction). */
function clientOf(db: DbOrTx): PgQueryable | PgliteQueryable {
  const client = (db as unknown as { session?: { client?: unknown } }).session?.client;
  if (!client || typeof (client as { query?: unknown }).query !== 'function') {
    throw new Error('prepared(): this Drizzle version keeps its driver client elsewhere');
  }
  return client as PgQueryable | PgliteQueryable;
}

/**
 * A hot read written once as SQL text with `$1…` placeholders, for the requests every page makes:
 * no query building per request, and on node-postgres a named statement, which each connection
 * parses and plans once. Runs on the transaction's connection when given one. Rows come with the
 * drivers' own types (timestamps as Date, json parsed); cast a `date` column to text in the SQL.
 */
export function prepared<T>(name: string, text: string): (db: DbOrTx, values: unknown[]) => Promise<T[]> {
  return async (db, values) => {
    const client = clientOf(db);
    if (client instanceof pg.Pool || client instanceof pg.Client) {
      return (await client.query<T & pg.QueryResultRow>({ name, text, values })).rows;
    }
    return (await (client as PgliteQueryable).query<T>(text, values)).rows;
  };
}

const dialect = new PgDialect();

/**
 * `prepared` for a statement built with Drizzle's `sql` and `sql.placeholder('name')`: rendered to
 * text once, at start-up, then run with the named values. Other parameters stay as written.
 */
export function preparedSql<T, P extends Record<string, unknown>>(name: string, query: SQL): (db: DbOrTx, values: P) => Promise<T[]> {
  const { sql: text, params } = dialect.sqlToQuery(query);
  const slots = params.map((p): { key: keyof P } | { value: unknown } => {
    if (is(p, Placeholder)) return { key: p.name as keyof P };
    if (is(p, Param) && is(p.value, Placeholder)) throw new Error(`preparedSql(${name}): a placeholder bound to a column is not supported`);
    return { value: p };
  });
  const run = prepared<T>(name, text);
  return (db, values) => run(db, slots.map((s) => ('key' in s ? values[s.key] : s.value)));
}
