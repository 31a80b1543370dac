export { sendSessionReminders } from './sessions.mail.ts';
export { sessionRoutes } from './sessions.routes.ts';
