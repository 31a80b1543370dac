import type { Job, SubscriberDefinition } from '../../platform/index.ts';
import { followUpJobList, followUpSubscriberList } from './follow-ups.jobs.ts';

/** The closed loop: a completed enrolment with a reason is followed up after its window. */
export { followUpRoutes } from './follow-ups.routes.ts';
export const followUpJobs: Job[] = [...followUpJobList];
export const followUpSubscribers: SubscriberDefinition[] = [...followUpSubscriberList];
export { FOLLOW_UP_SWEEP_DAILY, FOLLOW_UP_SWEEP_ORG, scheduleFollowUpJobs } from './follow-ups.jobs.ts';
export { FOLLOW_UP_ASKED, FOLLOW_UP_DECIDED } from './follow-ups.events.ts';
export { createFollowUps, loopSummaryFor, sweepOrganisation } from './follow-ups.service.ts';
export { loopClosure, type LoopClosure } from './loop.ts';
