import { mkdirSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { PGlite } from '@electric-sql/pglite';
import { pg_trgm } from '@electric-sql/pglite/contrib/pg_trgm';
import { sql } from 'drizzle-orm';
import { drizzle as drizzleNodePg } from 'drizzle-orm/node-postgres';
import { migrate as migrateNodePg } from 'drizzle-orm/node-postgres/migrator';
import type { PgDatabase, PgQueryResultHKT, PgTransaction } from 'drizzle-orm/pg-core';
import { drizzle as drizzlePglite } from 'drizzle-orm/pglite';
import { migrate as migratePglite } from 'drizzle-orm/pglite/migrator';
import type { ExtractTablesWithRelations } from 'drizzle-orm';
import pg from 'pg';
import * as schema from '../../db/schema/index.ts';

export type Schema = typeof schema;
/** The same Drizzle surface on PGlite and node-postgres. */
export type Db = PgDatabase<PgQueryResultHKT, Schema>;
export type Tx = PgTransaction<PgQueryResultHKT, Schema, ExtractTablesWithRelations<Schema>>;
/** Repositories accept either, so a service decides where the transaction starts. */
export type DbOrTx = Db | Tx;

export type Database = {
  kind: 'pglite' | 'postgres';
  db: Db;
  /** Runs raw SQL with parameters; used by the pg-boss adapter and benchmarks. */
  executeSql(text: string, values?: unknown[]): Promise<{ rows: any[] }>;
  pglite?: PGlite;
  pool?: pg.Pool;
  close(): Promise<void>;
};

export const migrationsFolder = path.resolve(
  path.dirname(fileURLToPath(import.meta.url)),
  '../../db/migrations',
);

export type OpenOptions = {
  databaseUrl?: string;
  /** PGlite data directory; `memory://` keeps it in memory. */
  dataDir?: string;
  /** A dump made by `dumpDataDir`, to start PGlite from (tests). */
  loadDataDir?: Blob | File;
  poolSize?: number;
};

export async function openDatabase(opts: OpenOptions): Promise<Database> {
  if (opts.databaseUrl) {
    // JIT off: Tandem's statements are small reads whose plans can look costly (a visibility
    // subplan estimated at 100,000+ never runs), and compiling them took 330 ms for a 9 ms
    // execution of My team's statement at 100,000 people.
    const pool = new pg.Pool({ connectionString: opts.databaseUrl, max: opts.poolSize ?? 10, options: '-c jit=off' });
    pool.on('error', () => {
      /* an idle client died; the pool replaces it */
    });
    const db = drizzleNodePg(pool, { schema }) as unknown as Db;
    return {
      kind: 'postgres',
      db,
      executeSql: async (text, values) => {
        const r = await pool.query(text, values as any[]);
        return { rows: r.rows };
      },
      pool,
      close: () => pool.end(),
    };
  }
  let dir = opts.dataDir ?? 'memory://';
  if (!dir.startsWith('memory://')) {
    dir = path.resolve(dir, 'pglite');
    mkdirSync(dir, { recursive: true });
  }
  const pglite = await PGlite.create(dir, { extensions: { pg_trgm }, loadDataDir: opts.loadDataDir });
  const db = drizzlePglite(pglite, { schema }) as unknown as Db;
  return {
    kind: 'pglite',
    db,
    executeSql: async (text, values) => {
      // PGlite's extended protocol takes one statement; pg-boss sends multi-statement scripts
      // without parameters, which only the simple protocol (`exec`) accepts.
      if (!values || values.length === 0) {
        const results = await pglite.exec(text);
        return { rows: results.at(-1)?.rows ?? [] };
      }
      const r = await pglite.query(text, values as any[]);
      return { rows: r.rows as any[] };
    },
    pglite,
    close: () => pglite.close(),
  };
}

export async function migrateDatabase(database: Database): Promise<void> {
  if (database.kind === 'postgres') {
    await migrateNodePg(database.db as any, { migrationsFolder });
  } else {
    await migratePglite(database.db as any, { migrationsFolder });
  }
}

/** True when the database answers and every committed migration has been applied. */
export async function isReady(database: Database): Promise<boolean> {
  try {
    const rows = await database.executeSql(
      'select count(*)::int as n from drizzle.__drizzle_migrations',
    );
    const applied = rows.rows[0]?.n ?? 0;
    const { readFileSync } = await import('node:fs');
    const journal = JSON.parse(readFileSync(path.join(migrationsFolder, 'meta/_journal.json'), 'utf8'));
    return applied >= journal.entries.length;
  } catch {
    return false;
  }
}

export { sql };
