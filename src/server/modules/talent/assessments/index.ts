export { assessmentRoutes } from './assessments.routes.ts';

/** This capability's jobs and outbox subscribers, listed by talent/index.ts. */
export const assessmentJobs = [];
export const assessmentSubscribers = [];
