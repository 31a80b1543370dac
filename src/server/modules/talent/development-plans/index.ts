export { developmentPlanRoutes } from './development-plans.routes.ts';

/** This capability's jobs and outbox subscribers, listed by talent/index.ts. */
export const developmentPlanJobs = [];
export const developmentPlanSubscribers = [];
