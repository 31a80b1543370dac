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
