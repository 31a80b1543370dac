import type { Logger } from 'pino';
import type { Config } from './platform/config.ts';
import type { Clock } from './platform/clock.ts';
import type { Database, Db } from './platform/db/index.ts';
import type { FileStorage } from './platform/files.ts';
import type { JobQueue } from './platform/jobs.ts';
import type { SignInAccounts } from './modules/org/index.ts';
import type { SkillCatalog } from './modules/learning/index.ts';
import type { SubscriberDefinition } from './modules/platform/index.ts';

/** Everything a request or a job needs from the process; built once in bootstrap.ts. */
export type AppContext = {
  config: Config;
  database: Database;
  db: Db;
  clock: Clock;
  log: Logger;
  jobs: JobQueue;
  files: FileStorage;
  /** The outbox's subscribers, handed to `dispatchEvents` (the list is in `jobs.ts`). */
  subscribers: readonly SubscriberDefinition[];
  /** What org asks of identity when people change (identity uses org, so it is wired here). */
  signInAccounts: SignInAccounts;
  /** The skills library as learning's course authoring asks of it (talent uses learning, so it is wired here). */
  skillCatalog: SkillCatalog;
};
