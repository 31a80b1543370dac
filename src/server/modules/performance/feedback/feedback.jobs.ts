import { z } from 'zod';
import type { AppContext } from '../../../context.ts';
import { defineJob } from '../../platform/index.ts';
import { releaseAnonymousFeedback, sendFeedbackReminders, utcDay } from './feedback.service.ts';

/** Hourly: pending givers are reminded (each invitation claimed once per interval through reminded_at). */
export const FEEDBACK_REMINDERS_JOB = defineJob({
  name: 'performance.feedback_reminders',
  schema: z.object({}),
  handler: async (ctx) => {
    await sendFeedbackReminders(ctx);
  },
});

/** Daily just after midnight UTC: the anonymous feedback of the day before reaches its receivers. */
export const ANONYMOUS_FEEDBACK_RELEASE_JOB = defineJob({
  name: 'performance.anonymous_feedback_release',
  schema: z.object({ day: z.iso.date().optional() }),
  handler: async (ctx, data) => {
    await releaseAnonymousFeedback(ctx, data.day ?? utcDay(new Date(ctx.clock.now().getTime() - 86_400_000)));
  },
});

export async function scheduleFeedbackJobs(ctx: AppContext): Promise<void> {
  await ctx.jobs.schedule(FEEDBACK_REMINDERS_JOB, '20 * * * *');
  await ctx.jobs.schedule(ANONYMOUS_FEEDBACK_RELEASE_JOB, '10 0 * * *');
}
