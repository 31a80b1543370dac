import { ANONYMOUS_FEEDBACK_RELEASE_JOB, FEEDBACK_REMINDERS_JOB } from './feedback.jobs.ts';

export { feedbackRouter as feedbackRoutes } from './feedback.routes.ts';
export { ANONYMOUS_FEEDBACK_RELEASE_JOB, FEEDBACK_REMINDERS_JOB, scheduleFeedbackJobs } from './feedback.jobs.ts';
export { readableFeedback, releaseAnonymousFeedback, sendFeedbackReminders } from './feedback.service.ts';
export { performanceSettingsOf, DEFAULT_PERFORMANCE_SETTINGS, type PerformanceSettings } from './settings.service.ts';
export { FEEDBACK_GIVEN, FEEDBACK_REQUESTED } from './feedback.events.ts';

/** This capability's jobs and outbox subscribers, listed by performance/index.ts. */
export const feedbackJobs = [FEEDBACK_REMINDERS_JOB, ANONYMOUS_FEEDBACK_RELEASE_JOB];
export const feedbackSubscribers = [];
