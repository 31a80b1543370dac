import { createRouter } from '../../platform/http/router.ts';
import type { AppContext } from '../../context.ts';
import { automationJobs, automationRoutes, automationSubscribers, scheduleAutomationJobs } from './automation/index.ts';
import { followUpJobs, followUpRoutes, followUpSubscribers, scheduleFollowUpJobs } from './follow-ups/index.ts';
import { recommendationJobs, recommendationRoutes, recommendationSubscribers, scheduleRecommendationJobs } from './recommendations/index.ts';
import { teamRoutes } from './team/index.ts';
import { overviewRoutes } from './overview/index.ts';

/** What Tandem concludes from the rest: recommendations, the team view, automation rules and the closed loop. */
export const insightRoutes = createRouter().route('/', recommendationRoutes).route('/', teamRoutes).route('/', overviewRoutes).route('/', automationRoutes).route('/', followUpRoutes);

export const insightJobs = [...recommendationJobs, ...automationJobs, ...followUpJobs];
export const insightSubscribers = [...recommendationSubscribers, ...automationSubscribers, ...followUpSubscribers];
export { RECOMPUTE_DAILY, RECOMPUTE_ORG, RECOMPUTE_PERSON, recomputeForPeople } from './recommendations/index.ts';
export { createFollowUps, sweepOrganisation } from './follow-ups/index.ts';
export { createRule, setStatus as setRuleStatus } from './automation/index.ts';

/** Insight's recurring jobs (the daily recommendations recompute, the automation rules' daily sweep). */
export async function scheduleInsightJobs(ctx: AppContext): Promise<void> {
  await scheduleRecommendationJobs(ctx);
  await scheduleAutomationJobs(ctx);
  await scheduleFollowUpJobs(ctx);
}
