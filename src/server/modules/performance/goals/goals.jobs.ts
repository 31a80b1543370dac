import { defineSubscriber } from '../../platform/index.ts';
import { rollUpAbove } from './check-ins.service.ts';
import { GOAL_CHECKED_IN } from './goals.events.ts';

/**
 * A check-in's progress reaches the goals above within moments of its commit (the worker hands
 * out events every second, pg-boss fetches every 2 s), not inside the check-in's transaction: see
 * `createCheckIn`. Up to 50 a fetch: at one a fetch pg-boss ran one roll-up every 2 s, and of the
 * 1,104 events of the bench's burst (20 clients, 13 s) 902 still waited 5 minutes later.
 * Idempotent: `rollUpAbove` recomputes the chain from what is stored, so a second delivery (or the
 * event of a correction, which rolls up in its own transaction) reads the result of the first and
 * writes nothing.
 */
export const ROLL_UP_ON_CHECK_IN = defineSubscriber({
  event: GOAL_CHECKED_IN,
  name: 'performance.goal-roll-up-on-check-in',
  batchSize: 50,
  handler: (ctx, { orgId, payload }) => rollUpAbove(ctx, orgId, payload.goalId),
});

export const goalSubscriberList = [ROLL_UP_ON_CHECK_IN];
