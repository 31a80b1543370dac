import { z } from 'zod';
import type { AppContext } from '../../context.ts';
import { defineJob } from '../platform/index.ts';
import { complianceSubscribers, runComplianceSweep } from './compliance/index.ts';
import { enrollmentSubscribers } from './enrollment/index.ts';
import { sendReminders } from './reminders/index.ts';
import { sendSessionReminders } from './sessions/index.ts';

/**
 * One pass of the time-driven learning work, at the clock's now: compliance expiry and
 * re-enrolment, then reminders, escalations and session reminders. Safe to run again: each
 * reminder is recorded as it is sent. `orgIds` limits it to those organisations (the test clock
 * moves one organisation's time; tests sweep their own); by default it visits every one.
 */
export async function runLearningSweep(ctx: AppContext, orgIds?: readonly string[]): Promise<void> {
  await runComplianceSweep(ctx, orgIds);
  await sendReminders(ctx, orgIds);
  await sendSessionReminders(ctx, orgIds);
}

/** Runs every 15 minutes (`scheduleLearningJobs`). */
export const LEARNING_SWEEP_JOB = defineJob({
  name: 'learning.sweep',
  schema: z.object({}),
  handler: (ctx) => runLearningSweep(ctx),
});

/** The learning module's jobs and outbox subscribers, handed to the queue by `src/server/jobs.ts`. */
export const learningJobs = [LEARNING_SWEEP_JOB];
export const learningSubscribers = [...enrollmentSubscribers, ...complianceSubscribers];

export async function scheduleLearningJobs(ctx: AppContext): Promise<void> {
  await ctx.jobs.schedule(LEARNING_SWEEP_JOB, '*/15 * * * *');
}
