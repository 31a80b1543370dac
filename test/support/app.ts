import { readFileSync } from 'node:fs';
import { afterAll, inject } from 'vitest';
import { createApp } from '../../src/server/app.ts';
import { buildContext } from '../../src/server/bootstrap.ts';
import type { AppContext } from '../../src/server/context.ts';
import type { SubscriberDefinition } from '../../src/server/modules/platform/index.ts';
import { ManualClock } from '../../src/server/platform/clock.ts';
import { testConfig, type Config } from '../../src/server/platform/config.ts';
import { openDatabase, type Database } from '../../src/server/platform/db/index.ts';

export const dbKind: 'pglite' | 'postgres' = process.env.TANDEM_TEST_DB === 'postgres' ? 'postgres' : 'pglite';

let shared: Promise<Database> | undefined;

/** One database per test file: PGlite from the migrated dump, or the shared PostgreSQL test database. */
function database(): Promise<Database> {
  shared ??= (async () => {
    const db =
      dbKind === 'postgres'
        ? await openDatabase({ databaseUrl: inject('postgresUrl')!, poolSize: 4 })
        : await openDatabase({ loadDataDir: new Blob([readFileSync(inject('pgliteTemplate'))]) });
    afterAll(() => db.close());
    return db;
  })();
  return shared;
}

export type TestApp = {
  app: ReturnType<typeof createApp>;
  ctx: AppContext;
  clock: ManualClock;
};

/**
 * The whole app in-process, on this file's database, with a clock the test can move; a test's
 * own outbox subscribers run beside the modules'.
 */
export async function createTestApp(config: Partial<Config> = {}, opts: { subscribers?: SubscriberDefinition[] } = {}): Promise<TestApp> {
  const clock = new ManualClock();
  const ctx = await buildContext(testConfig(config), { database: await database(), clock, jobs: 'inline', migrate: false, subscribers: opts.subscribers });
  return { app: createApp(ctx), ctx, clock };
}
