import type { AppContext } from './context.ts';
import { learningJobs, learningSubscribers, scheduleLearningJobs } from './modules/learning/index.ts';
import { orgJobs } from './modules/org/index.ts';
import { talentJobs, talentSubscribers } from './modules/talent/index.ts';
import { performanceJobs, performanceSubscribers, schedulePerformanceJobs } from './modules/performance/index.ts';
import { insightJobs, insightSubscribers, scheduleInsightJobs } from './modules/insight/index.ts';
import { platformJobs, scheduleMaintenanceJobs, subscriberJobs, type SubscriberDefinition } from './modules/platform/index.ts';

/**
 * Every module's jobs and outbox subscribers, listed here rather than registered as a side
 * effect of importing a module, so what runs does not depend on import order. Each module's
 * `index.ts` exports its lists.
 */
export const jobDefinitions = [...orgJobs, ...learningJobs, ...talentJobs, ...performanceJobs, ...insightJobs, ...platformJobs];
export const subscriberDefinitions: readonly SubscriberDefinition[] = [...learningSubscribers, ...talentSubscribers, ...performanceSubscribers, ...insightSubscribers];

/** Hands the queue every job, and one `event.<name>` job per subscriber of `ctx.subscribers`. */
export function registerJobHandlers(ctx: AppContext): void {
  ctx.jobs.register(ctx, [...jobDefinitions, ...subscriberJobs(ctx.subscribers)]);
}

/** Recurring jobs; called once the queue has started (pg-boss keeps one schedule per name). */
export async function scheduleJobs(ctx: AppContext): Promise<void> {
  await scheduleLearningJobs(ctx);
  await scheduleInsightJobs(ctx);
  await schedulePerformanceJobs(ctx);
  await scheduleMaintenanceJobs(ctx);
}
