import type { Logger } from 'pino';
import type { Config } from './platform/config.ts';
import type { Clock } from './platform/clock.ts';
import type { Database, Db } from './platform/db/index.ts';
import type { FileStorage } from './platform/files.ts';
import type { JobQueue } from './platform/jobs.ts';

/** Everything a request or a job needs from the process; built once in main.ts or a test. */
export type AppContext = {
  config: Config;
  database: Database;
  db: Db;
  clock: Clock;
  log: Logger;
  jobs: JobQueue;
  files: FileStorage;
};
