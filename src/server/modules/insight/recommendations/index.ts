export { recommendationRoutes } from './recommendations.routes.ts';

/** This capability's jobs and outbox subscribers, listed by insight/index.ts. */
export const recommendationJobs = [];
export const recommendationSubscribers = [];
