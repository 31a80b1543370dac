import { registerReasonDetails } from '../../learning/index.ts';
import { ONE_ON_ONE_SWEEP_JOB } from './one-on-ones.jobs.ts';
import { describeAgendaItems, describeNotes } from './one-on-ones.reasons.ts';

export { addToNextOneOnOne, type AddToNextInput } from './one-on-ones.core.ts';
export { oneOnOneRoutes } from './one-on-ones.routes.ts';
export { ONE_ON_ONE_SWEEP_JOB, runOneOnOneSweep, scheduleOneOnOneJobs } from './one-on-ones.jobs.ts';

registerReasonDetails('agenda_item', describeAgendaItems);
registerReasonDetails('one_on_one_note', describeNotes);

/** This capability's jobs and outbox subscribers, listed by performance/index.ts. */
export const oneOnOneJobs = [ONE_ON_ONE_SWEEP_JOB];
export const oneOnOneSubscribers = [];
