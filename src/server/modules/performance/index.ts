import { createRouter } from '../../platform/http/router.ts';
import { goalJobs, goalRoutes, goalSubscribers } from './goals/index.ts';
import { oneOnOneJobs, oneOnOneRoutes, oneOnOneSubscribers } from './one-on-ones/index.ts';
import { feedbackJobs, feedbackRoutes, feedbackSubscribers } from './feedback/index.ts';
import { praiseJobs, praiseRoutes, praiseSubscribers } from './praise/index.ts';

/** Performance, every week: goals and check-ins, 1:1s, feedback and praise (reviews and calibration come later). */
export const performanceRoutes = createRouter()
  .route('/', goalRoutes)
  .route('/', oneOnOneRoutes)
  .route('/', feedbackRoutes)
  .route('/', praiseRoutes);

export const performanceJobs = [...goalJobs, ...oneOnOneJobs, ...feedbackJobs, ...praiseJobs];
export const performanceSubscribers = [...goalSubscribers, ...oneOnOneSubscribers, ...feedbackSubscribers, ...praiseSubscribers];

export { goalSignal, goalVisibleSql, readableGoal, type GoalRow, type GoalSignal } from './goals/index.ts';

export { addToNextOneOnOne, type AddToNextInput } from './one-on-ones/index.ts';
