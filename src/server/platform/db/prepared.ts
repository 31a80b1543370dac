import { PGlite, parse as pgliteParse, protocol } from '@electric-sql/pglite';
import { is, Param, Placeholder, type SQL } from 'drizzle-orm';
import { PgDialect } from 'drizzle-orm/pg-core';
import pg from 'pg';
import type { DbOrTx } from './index.ts';

type PgQueryable = pg.Pool | pg.PoolClient;
type PgliteTransaction = { query<T>(text: string, params?: unknown[]): Promise<{ rows: T[] }> };

/** The driver's client behind a Drizzle database or transaction (the pool, a pool client, PGlite or its transaction). */
function clientOf(db: DbOrTx): PgQueryable | PGlite | PgliteTransaction {
  const client = (db as unknown as { session?: { client?: unknown } }).session?.client;
  if (!client || typeof (client as { query?: unknown }).query !== 'function') {
    throw new Error('prepared(): this Drizzle version keeps its driver client elsewhere');
  }
  return client as PgQueryable | PGlite | PgliteTransaction;
}

/** A failed prepared read, shaped as Drizzle's: the SQL text, and the driver's error as the cause (never the parameters). */
class PreparedQueryError extends Error {
  constructor(
    readonly query: string,
    cause: unknown,
  ) {
    super('Failed query', { cause });
  }
}

type BackendMessage = Awaited<ReturnType<PGlite['execProtocol']>>['messages'][number];
type PgliteStatement = { paramTypes: number[]; rowDescription?: BackendMessage };
/** The statements each PGlite instance has parsed (they live as long as its one session). */
const pgliteStatements = new WeakMap<PGlite, Map<string, PgliteStatement>>();

const concat = (...parts: Uint8Array[]) => {
  const out = new Uint8Array(parts.reduce((n, p) => n + p.length, 0));
  let at = 0;
  for (const p of parts) {
    out.set(p, at);
    at += p.length;
  }
  return out;
};

/**
 * PGlite's `query` parses and plans every statement anew (a profile's planning took five times
 * its execution); its wire protocol keeps named statements like any PostgreSQL session. Parsed
 * once per instance, then bind, execute and sync in one exchange, under the query lock that
 * `query` takes.
 */
function runOnPglite<T>(db: PGlite, name: string, text: string, values: unknown[]): Promise<T[]> {
  const { serialize } = protocol;
  return db.runExclusive(async () => {
    let statements = pgliteStatements.get(db);
    if (!statements) pgliteStatements.set(db, (statements = new Map()));
    let statement = statements.get(name);
    if (!statement) {
      const described = await db.execProtocol(concat(serialize.parse({ name, text }), serialize.describe({ type: 'S', name }), serialize.sync()), { syncToFs: false });
      statement = {
        paramTypes: pgliteParse.parseDescribeStatementResults(described.messages),
        rowDescription: described.messages.find((m) => m.name === 'rowDescription'),
      };
      statements.set(name, statement);
    }
    const types = statement.paramTypes;
    const params = values.map((v, i) => (v == null ? null : (db.serializers[types[i]!] ?? String)(v)));
    const done = await db.execProtocol(concat(serialize.bind({ statement: name, values: params }), serialize.execute({}), serialize.sync()), { syncToFs: false });
    const messages = statement.rowDescription ? [statement.rowDescription, ...done.messages] : done.messages;
    return pgliteParse.parseResults(messages, db.parsers)[0]!.rows as T[];
  });
}

/**
 * A hot read written once as SQL text with `$1…` placeholders, for the requests every page makes:
 * no query building per request, and a named statement, which the connection parses and plans
 * once (each node-postgres connection; PGlite's one session). Within a transaction it runs on the
 * transaction's connection (on PGlite through the transaction, unnamed). Rows come with the
 * drivers' own types (timestamps as Date, json parsed); cast a `date` column to text in the SQL.
 */
export function prepared<T>(name: string, text: string): (db: DbOrTx, values: unknown[]) => Promise<T[]> {
  return async (db, values) => {
    const client = clientOf(db);
    try {
      if (client instanceof pg.Pool || client instanceof pg.Client) {
        return (await client.query<T & pg.QueryResultRow>({ name, text, values })).rows;
      }
      if (client instanceof PGlite) return await runOnPglite<T>(client, name, text, values);
      return (await client.query<T>(text, values)).rows;
    } catch (err) {
      throw new PreparedQueryError(text, err);
    }
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
