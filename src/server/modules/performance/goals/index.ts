import { createRouter } from '../../../platform/http/router.ts';
import { checkInRoutes } from './check-ins.routes.ts';
import { goalCrudRoutes } from './goals.routes.ts';
import { describeGoals } from './goals.reasons.ts';
import { templateRoutes } from './templates.routes.ts';
import { CHECK_IN_REMINDER_JOB } from './check-in-reminders.ts';
import { goalSubscriberList } from './goals.jobs.ts';
import { registerReasonDetails } from '../../learning/index.ts';

export { readableGoal, goalVisibleSql, type GoalRow } from '../performance.policy.ts';
export { goalSignal, goalSkillNeedsSql, ownersOfGoals, personGoalIdsJsonSql, type GoalSignal } from './goals.signal.ts';
export { GOAL_CHANGED, GOAL_CHECKED_IN, GOALS_ASSIGNED } from './goals.events.ts';
export { CHECK_IN_REMINDER_JOB, runCheckInReminderSweep, scheduleGoalJobs } from './check-in-reminders.ts';

export const goalRoutes = createRouter().route('/', goalCrudRoutes).route('/', checkInRoutes).route('/', templateRoutes);

registerReasonDetails('goal', describeGoals);

/** This capability's jobs and outbox subscribers, listed by performance/index.ts. */
export const goalJobs = [CHECK_IN_REMINDER_JOB];
export const goalSubscribers = [...goalSubscriberList];
