import { createRouter } from '../../../platform/http/router.ts';

export const praiseRoutes = createRouter();

/** This capability's jobs and outbox subscribers, listed by performance/index.ts. */
export const praiseJobs = [];
export const praiseSubscribers = [];
