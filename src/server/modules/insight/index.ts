import { createRouter } from '../../platform/http/router.ts';
import { recommendationJobs, recommendationRoutes, recommendationSubscribers } from './recommendations/index.ts';

/** What Tandem concludes from the rest: recommendations (automation, follow-ups and analytics join later). */
export const insightRoutes = createRouter().route('/', recommendationRoutes);

export const insightJobs = [...recommendationJobs];
export const insightSubscribers = [...recommendationSubscribers];
export { RECOMPUTE_ORG, RECOMPUTE_PERSON, recomputeForPeople } from './recommendations/index.ts';
