import PgBoss from 'pg-boss';
import type { Logger } from 'pino';
import type { Database } from './db/index.ts';
import { runners, type JobQueue, type SendOptions } from './jobs.ts';
import { redactedError } from './log.ts';

/** pg-boss on PostgreSQL or, through the database's `executeSql` adapter, on PGlite. */
export function createBossQueue(database: Database, log: Logger, opts: { schema?: string } = {}): JobQueue {
  const boss = new PgBoss({ db: { executeSql: database.executeSql }, schema: opts.schema ?? 'pgboss' });
  boss.on('error', (err) => log.error({ err }, 'job queue error'));
  const handlers = new Map<string, (data: unknown) => Promise<void>>();
  const batchSizes = new Map<string, number>();
  const schedules: Array<{ name: string; cron: string; data?: object }> = [];
  let started = false;
  return {
    register(ctx, jobs) {
      runners(ctx, jobs, handlers);
      for (const job of jobs) if (job.batchSize && job.batchSize > 1) batchSizes.set(job.name, job.batchSize);
    },
    async send(job, data, opts: SendOptions = {}) {
      await boss.send(job.name, (data ?? {}) as object, {
        startAfter: opts.startAfter,
        singletonKey: opts.singletonKey,
        retryLimit: opts.retryLimit ?? 3,
        retryBackoff: true,
      });
    },
    async schedule(job, cron, data) {
      if (started) await boss.schedule(job.name, cron, (data ?? {}) as object, { tz: 'UTC' });
      else schedules.push({ name: job.name, cron, data: (data ?? {}) as object });
    },
    async start() {
      await boss.start();
      started = true;
      for (const [name, handler] of handlers) {
        await boss.createQueue(name);
        await boss.work(name, { batchSize: batchSizes.get(name) ?? 1 }, async (jobs) => {
          for (const job of jobs) {
            try {
              await handler(job.data);
            } catch (err) {
              log.error({ err, job: name, id: job.id }, 'job failed');
              // pg-boss keeps the error with the job (its table is read like a log): not the query's parameters.
              if (jobs.length === 1) throw redactedError(err);
              // In a batch, the failed job alone: pg-boss completes the others (it completes active jobs only).
              await boss.fail(name, job.id, redactedError(err));
            }
          }
        });
      }
      for (const s of schedules) await boss.schedule(s.name, s.cron, s.data ?? {}, { tz: 'UTC' });
    },
    async stop() {
      if (started) await boss.stop({ graceful: true, wait: true, timeout: 5000 });
      started = false;
    },
    async drain() {},
  };
}
