import { createRouter } from '../../../platform/http/router.ts';

export const hurdleRoutes = createRouter();

/** This capability's jobs and outbox subscribers, listed by talent/index.ts. */
export const hurdleJobs = [];
export const hurdleSubscribers = [];
