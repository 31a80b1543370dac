import path from 'node:path';
import type { AppContext } from './context.ts';
import { type Clock, systemClock } from './platform/clock.ts';
import type { Config } from './platform/config.ts';
import { migrateDatabase, openDatabase, type Database } from './platform/db/index.ts';
import { LocalFileStorage } from './platform/files.ts';
import { InlineJobQueue, type JobQueue } from './platform/jobs.ts';
import { createLogger } from './platform/log.ts';
import { registerJobHandlers, subscriberDefinitions } from './jobs.ts';
import { accountGuard } from './modules/identity/index.ts';
import { skillCatalog } from './modules/talent/index.ts';
import type { SubscriberDefinition } from './modules/platform/index.ts';

export type ContextOptions = {
  database?: Database;
  clock?: Clock;
  /** `inline` runs jobs in-process on drain (tests, CLI); `boss` uses pg-boss. */
  jobs?: 'inline' | 'boss' | JobQueue;
  migrate?: boolean;
  /** Subscribers beside the modules' own (tests). */
  subscribers?: readonly SubscriberDefinition[];
};

/** Opens the database, applies migrations and wires the process-wide services. */
export async function buildContext(config: Config, opts: ContextOptions = {}): Promise<AppContext> {
  const log = createLogger(config.logLevel);
  const database =
    opts.database ?? (await openDatabase({ databaseUrl: config.databaseUrl, dataDir: config.dataDir }));
  if (opts.migrate !== false) await migrateDatabase(database);
  let jobs: JobQueue;
  if (typeof opts.jobs === 'object') jobs = opts.jobs;
  else if (opts.jobs === 'boss') {
    const { createBossQueue } = await import('./platform/jobs.boss.ts');
    jobs = createBossQueue(database, log);
  } else jobs = new InlineJobQueue(log);
  const files = new LocalFileStorage(path.join(config.dataDir, 'files'));
  const ctx: AppContext = {
    config,
    database,
    db: database.db,
    clock: opts.clock ?? systemClock,
    log,
    jobs,
    files,
    subscribers: [...subscriberDefinitions, ...(opts.subscribers ?? [])],
    // Org changes people's emails and status; identity, which uses org, says whose sign-in that touches.
    signInAccounts: accountGuard,
    skillCatalog,
  };
  registerJobHandlers(ctx);
  return ctx;
}
