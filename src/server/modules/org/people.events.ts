import { z } from 'zod';
import { defineEvent } from '../platform/index.ts';

/**
 * A people import committed: its summary, and who it created, gave a new manager or a new job
 * profile. One event per import, not one per person, so a 100,000-person file queues one job per
 * subscriber; automation turns it into "person hired", "manager changed" and "job profile
 * changed" for each person named. Events stored before these lists existed read as empty.
 */
export const PEOPLE_IMPORTED = defineEvent(
  'people.imported',
  z.object({
    summary: z.record(z.string(), z.number()),
    created: z.array(z.uuid()).default([]),
    managerChanged: z.array(z.uuid()).default([]),
    profileChanged: z.array(z.object({ personId: z.uuid(), jobProfileId: z.uuid().nullable() })).default([]),
  }),
);
