import { defineSubscriber } from '../../platform/index.ts';
import { rollUpAbove } from './check-ins.service.ts';
import { GOAL_CHECKED_IN } from './goals.events.ts';

/**
 * A check-in's progress reaches the goals above within moments of its commit (the worker hands
 * out events every second), not inside the check-in's transaction: see `createCheckIn`.
 * Idempotent: `rollUpAbove` recomputes the chain from what is stored, so a second delivery (or the
 * event of a correction, which rolls up in its own transaction) reads the result of the first and
 * writes nothing.
 */
export const ROLL_UP_ON_CHECK_IN = defineSubscriber({
  event: GOAL_CHECKED_IN,
  name: 'performance.goal-roll-up-on-check-in',
  handler: (ctx, { orgId, payload }) => rollUpAbove(ctx, orgId, payload.goalId),
});

export const goalSubscriberList = [ROLL_UP_ON_CHECK_IN];
