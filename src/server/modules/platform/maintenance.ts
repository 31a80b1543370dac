import { z } from 'zod';
import type { AppContext } from '../../context.ts';
import { defineJob } from './definitions.ts';
import * as repo from './platform.repo.ts';

/**
 * PGlite runs no autovacuum daemon, so without this the planner never learns how large tables
 * have grown and plans a join over 100,000 people as if it were one row (a nested loop that
 * took minutes in the compliance dashboard). PostgreSQL servers keep their own statistics.
 */
export const DATABASE_ANALYZE_JOB = defineJob({
  name: 'database.analyze',
  schema: z.object({}),
  handler: (ctx) => refreshPlannerStatistics(ctx),
});

export async function refreshPlannerStatistics(ctx: Pick<AppContext, 'db'>): Promise<void> {
  await repo.analyzeTables(ctx.db);
}

/** The platform module's jobs (the outbox and mail run on the worker's loop, not as jobs). */
export const platformJobs = [DATABASE_ANALYZE_JOB];

export async function scheduleMaintenanceJobs(ctx: AppContext): Promise<void> {
  if (ctx.database.kind === 'pglite') await ctx.jobs.schedule(DATABASE_ANALYZE_JOB, '7 * * * *');
}
