export { actorRef, recordChange, recordChanges, systemRef, type Change } from './audit.ts';
export { dispatchEvents, registerEventJobs, subscribe, type DomainEvent } from './events.ts';
export { MAIL_JOB, queueMail, queueMails, type OutgoingMail } from './mail.ts';
export { deliverQueuedMail } from './mail.delivery.ts';
export { notify, notifyMany, type NewNotification } from './notifications.ts';
export { platformRoutes } from './platform.routes.ts';
export { startPlatformWorker } from './worker.ts';
export { openFile, storeFile, type NewFile } from './files.ts';
export { DATABASE_ANALYZE_JOB, registerMaintenanceJobs, scheduleMaintenanceJobs } from './maintenance.ts';
