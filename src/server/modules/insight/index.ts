import { createRouter } from '../../platform/http/router.ts';
import type { AppContext } from '../../context.ts';
import { recommendationJobs, recommendationRoutes, recommendationSubscribers, scheduleRecommendationJobs } from './recommendations/index.ts';

/** What Tandem concludes from the rest: recommendations (automation, follow-ups and analytics join later). */
export const insightRoutes = createRouter().route('/', recommendationRoutes);

export const insightJobs = [...recommendationJobs];
export const insightSubscribers = [...recommendationSubscribers];
export { RECOMPUTE_DAILY, RECOMPUTE_ORG, RECOMPUTE_PERSON, recomputeForPeople } from './recommendations/index.ts';

/** Insight's recurring jobs (the daily recommendations recompute). */
export async function scheduleInsightJobs(ctx: AppContext): Promise<void> {
  await scheduleRecommendationJobs(ctx);
}
