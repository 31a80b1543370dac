import { automationJobList, automationSubscriberList } from './automation.jobs.ts';
import { automationRuleRoutes } from './automation.routes.ts';

/** Automation rules: event → conditions → actions, previewed before they are switched on. */
export const automationRoutes = automationRuleRoutes;
export const automationJobs = [...automationJobList];
export const automationSubscribers = [...automationSubscriberList];
export { AUTOMATION_SWEEP, FIRST_RUN, runAutomationSweep, scheduleAutomationJobs } from './automation.jobs.ts';
export { createRule, firstRun, preview, setStatus } from './automation.service.ts';
