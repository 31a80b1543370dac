export { assessmentRoundRoutes } from './assessment-rounds.routes.ts';

/** This capability's jobs and outbox subscribers, listed by talent/index.ts. */
export const assessmentRoundJobs = [];
export const assessmentRoundSubscribers = [];
