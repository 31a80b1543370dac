export { developmentPlanRoutes } from './development-plans.routes.ts';
export { addPlanItem, enrollmentReason, planItemDto, type PlanItemDto, type PlanItemInput } from './development-plans.service.ts';
export { baselineLevels } from './development-plans.repo.ts';

/** This capability's jobs and outbox subscribers, listed by talent/index.ts. */
export const developmentPlanJobs = [];
export const developmentPlanSubscribers = [];
export { PlanItemSchema } from './development-plans.schemas.ts';
