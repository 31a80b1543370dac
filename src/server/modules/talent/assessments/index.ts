import { learningResultSubscribers } from './learning-results.ts';

export { assessmentRoutes } from './assessments.routes.ts';
export { recordAssessments, recomputePairs, recomputeOrganisation, type SystemAssessment } from './assessments.service.ts';
export { currentLevel, resolveSettings, DEFAULT_SOURCE_WEIGHTS, DEFAULT_HALF_LIFE_DAYS } from './current-level.ts';

/** This capability's jobs and outbox subscribers, listed by talent/index.ts. */
export const assessmentJobs = [];
export const assessmentSubscribers = [...learningResultSubscribers];
