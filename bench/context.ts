// The opening every suite's prepare child shares: the bench database opened (BENCH_URL for
// PostgreSQL, BENCH_DATA_DIR for PGlite) and migrated, an application context on it with inline
// jobs, a raw SQL helper, and the generated organisation inserted directly.
import type { AppContext } from '../src/server/context.ts';
import type { GenPerson } from './generate.ts';

export type Exec = (text: string, values?: unknown[]) => Promise<any[]>;

/** The bench database opened and migrated, with a context on it; `people` is BENCH_PEOPLE (default 100,000). */
export async function openBench(): Promise<{ ctx: AppContext; exec: Exec; people: number }> {
  const { buildContext } = await import('../src/server/bootstrap.ts');
  const { testConfig } = await import('../src/server/platform/config.ts');
  const { migrateDatabase, openDatabase } = await import('../src/server/platform/db/index.ts');
  const url = process.env.BENCH_URL;
  const dataDir = process.env.BENCH_DATA_DIR;
  const database = await openDatabase(url ? { databaseUrl: url, poolSize: 4 } : { dataDir });
  await migrateDatabase(database);
  const ctx = await buildContext(testConfig({ logLevel: 'silent', dataDir: dataDir ?? '.tmp/bench' }), { database, jobs: 'inline', migrate: false });
  const exec: Exec = async (text, values = []) => (await ctx.database.executeSql(text, values)).rows as any[];
  return { ctx, exec, people: Number(process.env.BENCH_PEOPLE ?? 100_000) };
}

/**
 * A new organisation named `name` (its slug `slug-<random>`) with the people inserted directly:
 * the generated organisation of `people` (a number) or the list given. Returns its id.
 */
export async function insertBenchOrg(ctx: AppContext, name: string, slug: string, people: number | GenPerson[]): Promise<string> {
  const { uuidv7 } = await import('uuidv7');
  const { organisation } = await import('../src/server/db/schema/index.ts');
  const { generateOrg, insertOrg } = await import('./generate.ts');
  const [org] = await ctx.db.insert(organisation).values({ name, slug: `${slug}-${uuidv7().slice(-8)}` }).returning();
  await insertOrg(ctx.db, org!.id, typeof people === 'number' ? generateOrg(people) : people);
  return org!.id;
}
