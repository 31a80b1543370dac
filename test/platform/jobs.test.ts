import { inject, describe, expect, it } from 'vitest';
import pino from 'pino';
import pg from 'pg';
import { z } from 'zod';
import { migrateDatabase, openDatabase, type Database } from '../../src/server/platform/db/index.ts';
import { createBossQueue } from '../../src/server/platform/jobs.boss.ts';
import { dbKind } from '../support/app.ts';

const timeout = (what: string) => new Promise<never>((_, reject) => setTimeout(() => reject(new Error(`${what} in time`)), 20_000));

/**
 * Runs `fn` on a database of this run's kind: a migrated in-memory PGlite (its pg-boss schema), or
 * the PostgreSQL test server with a pg-boss schema of this process's own, dropped afterwards.
 */
async function onQueueDatabase<T>(prefix: string, fn: (database: Database, schema: string) => Promise<T>): Promise<T> {
  if (dbKind === 'pglite') {
    const database = await openDatabase({ dataDir: 'memory://' });
    try {
      await migrateDatabase(database);
      return await fn(database, 'pgboss');
    } finally {
      await database.close();
    }
  }
  const url = inject('postgresUrl')!;
  const database = await openDatabase({ databaseUrl: url, poolSize: 4 });
  const schema = `${prefix}_${process.pid}`;
  try {
    return await fn(database, schema);
  } finally {
    await database.close();
    const c = new pg.Client({ connectionString: url });
    await c.connect();
    await c.query(`drop schema if exists ${schema} cascade`);
    await c.end();
  }
}

/** A job that passes its schema runs; one that fails it is a failure pg-boss retries, then keeps as failed. */
async function roundTrip(database: Database, schema: string) {
  const logged: Array<{ msg: string; job?: string; err?: { message: string } }> = [];
  const log = pino({ level: 'error' }, { write: (line: string) => void logged.push(JSON.parse(line)) });
  const queue = createBossQueue(database, log, { schema });
  const handled: unknown[] = [];
  let done!: () => void;
  const finished = new Promise<void>((r) => (done = r));
  const echo = {
    name: 'test.echo',
    schema: z.object({ n: z.number() }),
    async handler(_: null, data: { n: number }) {
      handled.push(data);
      done();
    },
  };
  queue.register(null, [echo]);
  await queue.start();
  try {
    await queue.send(echo, { n: 42 });
    await Promise.race([finished, timeout('job not handled')]);
    await queue.send(echo, { n: 'forty-two' } as never, { retryLimit: 1 });
    const failed = async () => {
      for (;;) {
        const { rows } = await database.executeSql(`select state, retry_count, output from ${schema}.job where name = 'test.echo' and state = 'failed'`);
        if (rows.length) return rows[0] as { state: string; retry_count: number; output: { message: string } };
        await new Promise((r) => setTimeout(r, 250));
      }
    };
    const job = await Promise.race([failed(), timeout('bad data not failed')]);
    expect(job).toMatchObject({ retry_count: 1, output: { message: 'Job test.echo got data that does not match its schema: n: Invalid input: expected number, received string' } });
    expect(logged.filter((l) => l.msg === 'job failed').map((l) => [l.job, l.err?.message])).toEqual([
      ['test.echo', job.output.message],
      ['test.echo', job.output.message],
    ]);
  } finally {
    await queue.stop();
  }
  return handled;
}

describe('pg-boss job queue', () => {
  it(`runs a job end to end, and fails (then retries) one whose data does not match its schema, on ${dbKind}`, async () => {
    expect(await onQueueDatabase('pgboss_test', roundTrip)).toEqual([{ n: 42 }]);
  }, 60_000);
});

describe('outbox dispatch through pg-boss on the embedded database', () => {
  it('queues subscriber jobs without waiting on its own transaction, and the subscriber runs', async () => {
    if (dbKind !== 'pglite') return; // PostgreSQL runs the same dispatch inside one pooled transaction
    const { buildContext } = await import('../../src/server/bootstrap.ts');
    const { testConfig } = await import('../../src/server/platform/config.ts');
    const { changeEvent, defineSubscriber, dispatchEvents, recordChange, systemRef } = await import('../../src/server/modules/platform/index.ts');
    const { organisation } = await import('../../src/server/db/schema/index.ts');
    const database = await openDatabase({ dataDir: 'memory://' });
    const seen: string[] = [];
    let done!: () => void;
    const handled = new Promise<void>((r) => (done = r));
    const ping = defineSubscriber({
      event: changeEvent('test.pinged'),
      name: 'test.ping-subscriber',
      async handler(_ctx, event) {
        seen.push(event.type);
        done();
      },
    });
    try {
      await migrateDatabase(database);
      const ctx = await buildContext(testConfig(), { database, jobs: 'boss', migrate: false, subscribers: [ping] });
      await ctx.jobs.start();
      try {
        const [org] = await ctx.db.insert(organisation).values({ name: 'Ping', slug: `ping-${process.pid}` }).returning();
        await ctx.db.transaction((tx) => recordChange(tx, systemRef(org!.id), { action: 'test.pinged', recordType: 'test', recordId: null }));
        expect(await Promise.race([dispatchEvents(ctx), timeout('dispatch did not finish')])).toBe(1);
        await Promise.race([handled, timeout('the subscriber did not run')]);
        expect(seen).toEqual(['test.pinged']);
      } finally {
        await ctx.jobs.stop();
      }
    } finally {
      await database.close();
    }
  }, 60_000);
});

/** Five jobs of a batched name, due at once (one fetch); the third fails. */
async function batch(database: Database, schema: string) {
  const log = pino({ level: 'silent' });
  const queue = createBossQueue(database, log, { schema });
  const handled: number[] = [];
  const job = {
    name: 'test.batched',
    schema: z.object({ n: z.number() }),
    batchSize: 10,
    async handler(_: null, data: { n: number }) {
      if (data.n === 3) throw new Error('three fails');
      handled.push(data.n);
    },
  };
  queue.register(null, [job]);
  await queue.start();
  try {
    const at = new Date(Date.now() + 1500);
    for (const n of [1, 2, 3, 4, 5]) await queue.send(job, { n }, { startAfter: at, retryLimit: 0 });
    const states = async () => {
      for (;;) {
        const { rows } = await database.executeSql(`select data->>'n' as n, state from ${schema}.job where name = 'test.batched' order by 1`);
        const list = rows as Array<{ n: string; state: string }>;
        if (list.length === 5 && list.every((r) => r.state === 'completed' || r.state === 'failed')) return list.map((r) => [Number(r.n), r.state]);
        await new Promise((r) => setTimeout(r, 250));
      }
    };
    const result = await Promise.race([states(), timeout('batch not handled')]);
    return { handled: handled.sort((a, b) => a - b), result };
  } finally {
    await queue.stop();
  }
}

describe('pg-boss job queue, batched', () => {
  it(`takes several jobs a fetch, and a failing one fails alone, on ${dbKind}`, async () => {
    const expected = {
      handled: [1, 2, 4, 5],
      result: [
        [1, 'completed'],
        [2, 'completed'],
        [3, 'failed'],
        [4, 'completed'],
        [5, 'completed'],
      ],
    };
    expect(await onQueueDatabase('pgboss_batch', batch)).toEqual(expected);
  }, 60_000);
});
