export { actorRef, recordChange, recordChanges, systemRef, type Change } from './audit.ts';
export { MAIL_JOB, queueMail, type OutgoingMail } from './mail.ts';
