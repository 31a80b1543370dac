import { createRouter } from '../../../platform/http/router.ts';

export const feedbackRoutes = createRouter();

/** This capability's jobs and outbox subscribers, listed by performance/index.ts. */
export const feedbackJobs = [];
export const feedbackSubscribers = [];
