export { aspirationRoutes } from './aspirations.routes.ts';
export { aspirationDto, type AspirationDto } from './aspirations.service.ts';

/** This capability's jobs and outbox subscribers, listed by talent/index.ts. */
export const aspirationJobs = [];
export const aspirationSubscribers = [];
