import { createRouter } from '../../../platform/http/router.ts';
import { registerReasonDetails } from '../../learning/index.ts';
import { cycleRoutes } from './cycles.routes.ts';
import { exportRoutes } from './exports.routes.ts';
import { outcomeRoutes } from './outcomes.routes.ts';
import { describeReviews } from './reviews.reasons.ts';
import { reviewRoutesList } from './reviews.routes.ts';
import { reviewSubscriberList } from './reviews.jobs.ts';
import { templateRoutes } from './templates.routes.ts';

export { REVIEW_ASSIGNED, REVIEW_RELEASED } from './reviews.events.ts';
export { launchIn, movePhaseIn } from './cycles.core.ts';
export { finalScore, goalRating, raterRating, scaleOf, type ScoredReview, type ScoreResult } from './score.ts';

export const reviewRoutes = createRouter().route('/', templateRoutes).route('/', cycleRoutes).route('/', reviewRoutesList).route('/', outcomeRoutes).route('/', exportRoutes);

registerReasonDetails('review', describeReviews);

/** This capability's jobs and outbox subscribers, listed by performance/index.ts. */
export const reviewJobs = [];
export const reviewSubscribers = [...reviewSubscriberList];
