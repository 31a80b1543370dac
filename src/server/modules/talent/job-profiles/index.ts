export { jobProfileRoutes } from './job-profiles.routes.ts';

/** This capability's jobs and outbox subscribers, listed by talent/index.ts. */
export const jobProfileJobs = [];
export const jobProfileSubscribers = [];
