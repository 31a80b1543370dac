import type { AppContext } from '../../context.ts';
import { registerComplianceJobs, runComplianceSweep } from './compliance/index.ts';
import { registerEnrollmentJobs, sendLearningReminders } from './enrollment/index.ts';
import { sendSessionReminders } from './sessions/index.ts';
import { registerSessionJobs } from './sessions/index.ts';

/** Runs every 15 minutes: compliance expiry and re-enrolment, then reminders, escalations and session reminders. */
export const LEARNING_SWEEP_JOB = 'learning.sweep';

/** One pass of the time-driven learning work, at the clock's now; safe to run again. */
export async function runLearningSweep(ctx: AppContext): Promise<void> {
  await runComplianceSweep(ctx);
  await sendLearningReminders(ctx);
  await sendSessionReminders(ctx);
}

/** The learning module's job handlers and outbox subscribers. */
export function registerLearningJobs(ctx: AppContext): void {
  ctx.jobs.register(LEARNING_SWEEP_JOB, () => runLearningSweep(ctx));
  registerEnrollmentJobs(ctx);
  registerComplianceJobs(ctx);
  registerSessionJobs(ctx);
}

export async function scheduleLearningJobs(ctx: AppContext): Promise<void> {
  await ctx.jobs.schedule(LEARNING_SWEEP_JOB, '*/15 * * * *');
}
