import type { Logger } from 'pino';

export type JobHandler<T = any> = (data: T) => Promise<void>;
export type SendOptions = { startAfter?: Date; singletonKey?: string; retryLimit?: number };

/**
 * Background work. Production runs pg-boss (PostgreSQL or PGlite); tests and the CLI use
 * the inline queue, which runs the same handlers in-process when drained.
 */
export interface JobQueue {
  register<T>(name: string, handler: JobHandler<T>): void;
  send<T extends object>(name: string, data: T, opts?: SendOptions): Promise<void>;
  /** Cron schedule (UTC) for a registered job. */
  schedule(name: string, cron: string, data?: object): Promise<void>;
  start(): Promise<void>;
  stop(): Promise<void>;
  /** Runs everything queued until nothing is left (inline queue only; a no-op otherwise). */
  drain(): Promise<void>;
}

export class InlineJobQueue implements JobQueue {
  private handlers = new Map<string, JobHandler>();
  private queue: Array<{ name: string; data: unknown }> = [];
  constructor(private log?: Logger) {}
  register<T>(name: string, handler: JobHandler<T>) {
    this.handlers.set(name, handler as JobHandler);
  }
  async send<T extends object>(name: string, data: T) {
    this.queue.push({ name, data });
  }
  async schedule() {}
  async start() {}
  async stop() {}
  async drain() {
    for (let guard = 0; this.queue.length > 0 && guard < 10_000; guard++) {
      const job = this.queue.shift()!;
      const handler = this.handlers.get(job.name);
      if (!handler) throw new Error(`No handler registered for job ${job.name}`);
      try {
        await handler(job.data);
      } catch (err) {
        this.log?.error({ err, job: job.name }, 'inline job failed');
        throw err;
      }
    }
  }
}
