import { createRouter } from '../../../platform/http/router.ts';
import type { Job, SubscriberDefinition } from '../../platform/index.ts';

/** Automation rules: event → conditions → actions, previewed before they are switched on. */
export const automationRoutes = createRouter();
export const automationJobs: Job[] = [];
export const automationSubscribers: SubscriberDefinition[] = [];
