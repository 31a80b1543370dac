export { actorRef, recordChange, recordChanges, systemRef, type Change } from './audit.ts';
export {
  ChangeEventBase, changeEvent, defineEvent, defineJob, defineSubscriber, emit,
  type DomainEvent, type EmittedEvent, type EventDefinition, type Job, type SubscriberDefinition,
} from './definitions.ts';
export { dispatchEvents, EventPayloadError, subscriberJobs } from './events.ts';
export { queueMail, queueMails, type OutgoingMail } from './mail.ts';
export { deliverQueuedMail } from './mail.delivery.ts';
export { notify, notifyMany, type NewNotification } from './notifications.ts';
export { platformRoutes } from './platform.routes.ts';
export { startPlatformWorker } from './worker.ts';
export { openFile, storeFile, type NewFile } from './files.ts';
export { DATABASE_ANALYZE_JOB, platformJobs, scheduleMaintenanceJobs } from './maintenance.ts';
