import { createRouter } from '../../../platform/http/router.ts';
import type { Job, SubscriberDefinition } from '../../platform/index.ts';

/** The closed loop: a completed enrolment with a reason is followed up after its window. */
export const followUpRoutes = createRouter();
export const followUpJobs: Job[] = [];
export const followUpSubscribers: SubscriberDefinition[] = [];
