import { createRouter } from '../../../platform/http/router.ts';
import { cycleRoutes } from './cycles.routes.ts';
import { reviewRoutesList } from './reviews.routes.ts';
import { reviewSubscriberList } from './reviews.jobs.ts';
import { templateRoutes } from './templates.routes.ts';

export { REVIEW_ASSIGNED, REVIEW_RELEASED } from './reviews.events.ts';

export const reviewRoutes = createRouter().route('/', templateRoutes).route('/', cycleRoutes).route('/', reviewRoutesList);

/** This capability's jobs and outbox subscribers, listed by performance/index.ts. */
export const reviewJobs = [];
export const reviewSubscribers = [...reviewSubscriberList];
