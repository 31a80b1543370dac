import { inject, describe, expect, it } from 'vitest';
import pino from 'pino';
import pg from 'pg';
import { migrateDatabase, openDatabase, type Database } from '../../src/server/platform/db/index.ts';
import { createBossQueue } from '../../src/server/platform/jobs.boss.ts';
import { dbKind } from '../support/app.ts';

const log = pino({ level: 'silent' });

async function roundTrip(database: Database, schema: string) {
  const queue = createBossQueue(database, log, { schema });
  const handled: unknown[] = [];
  let done!: () => void;
  const finished = new Promise<void>((r) => (done = r));
  queue.register<{ n: number }>('test.echo', async (data) => {
    handled.push(data);
    done();
  });
  await queue.start();
  try {
    await queue.send('test.echo', { n: 42 });
    await Promise.race([finished, new Promise((_, reject) => setTimeout(() => reject(new Error('job not handled in time')), 20_000))]);
  } finally {
    await queue.stop();
  }
  return handled;
}

describe('pg-boss job queue', () => {
  it(`runs a job end to end on ${dbKind}`, async () => {
    if (dbKind === 'pglite') {
      const database = await openDatabase({ dataDir: 'memory://' });
      try {
        await migrateDatabase(database);
        expect(await roundTrip(database, 'pgboss')).toEqual([{ n: 42 }]);
      } finally {
        await database.close();
      }
    } else {
      const url = inject('postgresUrl')!;
      const database = await openDatabase({ databaseUrl: url, poolSize: 4 });
      const schema = `pgboss_test_${process.pid}`;
      try {
        expect(await roundTrip(database, schema)).toEqual([{ n: 42 }]);
      } finally {
        await database.close();
        const c = new pg.Client({ connectionString: url });
        await c.connect();
        await c.query(`drop schema if exists ${schema} cascade`);
        await c.end();
      }
    }
  }, 60_000);
});

describe('outbox dispatch through pg-boss on the embedded database', () => {
  it('queues subscriber jobs without waiting on its own transaction, and the subscriber runs', async () => {
    if (dbKind !== 'pglite') return; // PostgreSQL runs the same dispatch inside one pooled transaction
    const { buildContext } = await import('../../src/server/bootstrap.ts');
    const { testConfig } = await import('../../src/server/platform/config.ts');
    const { dispatchEvents, recordChange, subscribe, systemRef } = await import('../../src/server/modules/platform/index.ts');
    const { organisation } = await import('../../src/server/db/schema/index.ts');
    const database = await openDatabase({ dataDir: 'memory://' });
    const seen: string[] = [];
    let done!: () => void;
    const handled = new Promise<void>((r) => (done = r));
    subscribe('test.pinged', 'test.ping-subscriber', async (_ctx, event) => {
      seen.push(event.type);
      done();
    });
    try {
      await migrateDatabase(database);
      const ctx = await buildContext(testConfig(), { database, jobs: 'boss', migrate: false });
      await ctx.jobs.start();
      try {
        const [org] = await ctx.db.insert(organisation).values({ name: 'Ping', slug: `ping-${process.pid}` }).returning();
        await ctx.db.transaction((tx) => recordChange(tx, systemRef(org!.id), { action: 'test.pinged', recordType: 'test', recordId: null }));
        const timeout = (what: string) => new Promise((_, reject) => setTimeout(() => reject(new Error(`${what} hung`)), 20_000));
        expect(await Promise.race([dispatchEvents(ctx), timeout('dispatch')])).toBe(1);
        await Promise.race([handled, timeout('the subscriber')]);
        expect(seen).toEqual(['test.pinged']);
      } finally {
        await ctx.jobs.stop();
      }
    } finally {
      await database.close();
    }
  }, 60_000);
});
