import { recommendationJobList, recommendationSubscriberList } from './recommendations.jobs.ts';

export { recommendationRoutes } from './recommendations.routes.ts';
export { RECOMPUTE_DAILY, RECOMPUTE_DAILY_CRON, RECOMPUTE_ORG, RECOMPUTE_PERSON, scheduleRecommendationJobs } from './recommendations.jobs.ts';
export { recomputeForPeople } from './recommendations.service.ts';

/** This capability's jobs and outbox subscribers, listed by insight/index.ts. */
export const recommendationJobs = [...recommendationJobList];
export const recommendationSubscribers = [...recommendationSubscriberList];
