export { developmentPlanRoutes } from './development-plans.routes.ts';
export { addPlanItem, enrollmentReason, planItemDto, type PlanItemDto, type PlanItemInput } from './development-plans.service.ts';

/** This capability's jobs and outbox subscribers, listed by talent/index.ts. */
export const developmentPlanJobs = [];
export const developmentPlanSubscribers = [];
