export { addToNextOneOnOne, type AddToNextInput } from './one-on-ones.core.ts';
export { oneOnOneRoutes } from './one-on-ones.routes.ts';

/** This capability's jobs and outbox subscribers, listed by performance/index.ts. */
export const oneOnOneJobs = [];
export const oneOnOneSubscribers = [];
