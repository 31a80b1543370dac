import type { Logger } from 'pino';
import type { z } from 'zod';

/**
 * A background job: its name, the schema its data must pass, and what it does with data of
 * that shape. `C` is what the handler runs with (the app's context, given at registration).
 * Modules define theirs with `defineJob` from `modules/platform` (`learning/learning.jobs.ts`).
 */
export type JobDefinition<S extends z.ZodType = z.ZodType, C = never> = {
  readonly name: string;
  readonly schema: S;
  /**
   * How many jobs of this name a pg-boss worker takes per fetch (1 unless told). pg-boss waits its
   * polling interval (2 s) after each fetch, so a queue taking one job a fetch runs one every 2 s:
   * short, idempotent jobs that arrive in bursts (an outbox subscriber's) take more. In a batch a
   * failing job fails (and retries) alone.
   */
  readonly batchSize?: number;
  // Method syntax: a list of definitions of different schemas is one array type.
  handler(ctx: C, data: z.output<S>): Promise<void>;
};

/** What sending needs: the name and the schema that types the data. */
export type JobRef<S extends z.ZodType = z.ZodType> = { readonly name: string; readonly schema: S };

export type SendOptions = { startAfter?: Date; singletonKey?: string; retryLimit?: number };

/** Data that fails its job's schema: the job fails (and is retried) instead of guessing. */
export class JobDataError extends Error {
  constructor(job: string, error: z.ZodError) {
    // Paths and zod's messages only: the data itself may hold personal details.
    super(`Job ${job} got data that does not match its schema: ${issuesText(error)}`);
    this.name = 'JobDataError';
  }
}

export function issuesText(error: z.ZodError): string {
  return error.issues.map((i) => `${i.path.join('.') || '(root)'}: ${i.message}`).join('; ');
}

/**
 * Background work. Production runs pg-boss (PostgreSQL or PGlite); tests and the CLI use
 * the inline queue, which runs the same handlers in-process when drained.
 */
export interface JobQueue {
  /** Hands the queue every definition it runs and the context their handlers get; names are unique. */
  register<C>(ctx: C, jobs: ReadonlyArray<JobDefinition<z.ZodType, C>>): void;
  send<S extends z.ZodType>(job: JobRef<S>, data: z.input<S>, opts?: SendOptions): Promise<void>;
  /** Cron schedule (UTC) for a registered job. */
  schedule<S extends z.ZodType>(job: JobRef<S>, cron: string, data?: z.input<S>): Promise<void>;
  start(): Promise<void>;
  stop(): Promise<void>;
  /** Runs everything queued until nothing is left (inline queue only; a no-op otherwise). */
  drain(): Promise<void>;
}

type Runner = (data: unknown) => Promise<void>;

/** One runner per name: the data is checked against the schema, then handed to the handler. */
export function runners<C>(ctx: C, jobs: ReadonlyArray<JobDefinition<z.ZodType, C>>, into = new Map<string, Runner>()) {
  for (const job of jobs) {
    if (into.has(job.name)) throw new Error(`Job ${job.name} is registered twice`);
    into.set(job.name, async (data) => {
      const parsed = job.schema.safeParse(data);
      if (!parsed.success) throw new JobDataError(job.name, parsed.error);
      await job.handler(ctx, parsed.data);
    });
  }
  return into;
}

export class InlineJobQueue implements JobQueue {
  private handlers = new Map<string, Runner>();
  private queue: Array<{ name: string; data: unknown }> = [];
  constructor(private log?: Logger) {}
  register<C>(ctx: C, jobs: ReadonlyArray<JobDefinition<z.ZodType, C>>) {
    runners(ctx, jobs, this.handlers);
  }
  async send<S extends z.ZodType>(job: JobRef<S>, data: z.input<S>) {
    // Through JSON, as pg-boss stores it: a handler sees strings where the sender had dates.
    this.queue.push({ name: job.name, data: JSON.parse(JSON.stringify(data ?? {})) });
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
