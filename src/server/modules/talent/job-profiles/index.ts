export { jobProfileRoutes } from './job-profiles.routes.ts';
export { personProfileWithExpectations } from './job-profiles.service.ts';
export { expectedSkills, type ExpectedSkillRow } from './job-profiles.repo.ts';
export { compareToProfile } from './comparison.ts';

/** This capability's jobs and outbox subscribers, listed by talent/index.ts. */
export const jobProfileJobs = [];
export const jobProfileSubscribers = [];
export { insertProfile, insertStep, listSteps, replaceExpectedSkills, updateProfile } from './job-profiles.repo.ts';
