import { createRouter } from '../../../platform/http/router.ts';

export { readableGoal, goalVisibleSql, type GoalRow } from '../performance.policy.ts';
export { goalSignal, type GoalSignal } from './goals.signal.ts';

export const goalRoutes = createRouter();

/** This capability's jobs and outbox subscribers, listed by performance/index.ts. */
export const goalJobs = [];
export const goalSubscribers = [];
