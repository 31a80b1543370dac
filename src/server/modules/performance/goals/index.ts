import { createRouter } from '../../../platform/http/router.ts';

export const goalRoutes = createRouter();

/** This capability's jobs and outbox subscribers, listed by performance/index.ts. */
export const goalJobs = [];
export const goalSubscribers = [];
