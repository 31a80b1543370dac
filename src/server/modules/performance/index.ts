import type { AppContext } from '../../context.ts';
import { createRouter } from '../../platform/http/router.ts';
import { goalJobs, goalRoutes, goalSubscribers, scheduleGoalJobs } from './goals/index.ts';
import { oneOnOneJobs, oneOnOneRoutes, oneOnOneSubscribers, scheduleOneOnOneJobs } from './one-on-ones/index.ts';
import { feedbackJobs, feedbackRoutes, feedbackSubscribers, scheduleFeedbackJobs } from './feedback/index.ts';
import { praiseJobs, praiseRoutes, praiseSubscribers } from './praise/index.ts';
import { reviewJobs, reviewRoutes, reviewSubscribers } from './reviews/index.ts';
import { calibrationJobs, calibrationRoutes, calibrationSubscribers } from './calibration/index.ts';

/** Performance: goals and check-ins, 1:1s, feedback and praise every week; review cycles and calibration. */
export const performanceRoutes = createRouter()
  .route('/', goalRoutes)
  .route('/', oneOnOneRoutes)
  .route('/', feedbackRoutes)
  .route('/', praiseRoutes)
  .route('/', reviewRoutes)
  .route('/', calibrationRoutes);

export const performanceJobs = [...goalJobs, ...oneOnOneJobs, ...feedbackJobs, ...praiseJobs, ...reviewJobs, ...calibrationJobs];
export const performanceSubscribers = [...goalSubscribers, ...oneOnOneSubscribers, ...feedbackSubscribers, ...praiseSubscribers, ...reviewSubscribers, ...calibrationSubscribers];

/** Recurring jobs: check-in reminders, 1:1 reminders, feedback reminders and the next-day release of anonymous feedback. */
export async function schedulePerformanceJobs(ctx: AppContext): Promise<void> {
  await scheduleGoalJobs(ctx);
  await scheduleOneOnOneJobs(ctx);
  await scheduleFeedbackJobs(ctx);
}

export {
  GOAL_CHANGED, GOAL_CHECKED_IN, GOALS_ASSIGNED, goalSignal, goalSkillNeedsSql, goalVisibleSql, ownersOfGoals, readableGoal, type GoalRow, type GoalSignal,
} from './goals/index.ts';

export { addToNextOneOnOne, type AddToNextInput } from './one-on-ones/index.ts';
export { releaseAnonymousFeedback } from './feedback/index.ts';
export { REVIEW_ASSIGNED, REVIEW_RELEASED } from './reviews/index.ts';
export { chainFeedbackSql, oneOnOneDatesSql, openGoalsOfSql, visiblePraiseOfSql } from './signals.ts';
