import { createRouter } from '../../../platform/http/router.ts';

export { addToNextOneOnOne, type AddToNextInput } from './one-on-ones.core.ts';

export const oneOnOneRoutes = createRouter();

/** This capability's jobs and outbox subscribers, listed by performance/index.ts. */
export const oneOnOneJobs = [];
export const oneOnOneSubscribers = [];
