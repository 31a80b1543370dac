export { organisationIds } from './reminders.repo.ts';
export { formatDay, learningLink, sendReminders } from './reminders.service.ts';
