import { z } from 'zod';
import { defineEvent } from '../../platform/index.ts';

/** A follow-up was decided: its reason improved or not, with before and after on the record. */
export const FOLLOW_UP_DECIDED = defineEvent(
  'insight.follow_up_decided',
  z.object({
    followUpId: z.uuid(),
    personId: z.uuid(),
    enrollmentId: z.uuid(),
    reasonType: z.string(),
    status: z.enum(['improved', 'not_improved']),
  }),
);

/** Someone was asked to answer a follow-up (re-rate a skill, say whether a hurdle is resolved, in the next 1:1). */
export const FOLLOW_UP_ASKED = defineEvent(
  'insight.follow_up_asked',
  z.object({ followUpId: z.uuid(), personId: z.uuid(), askedOf: z.uuid(), reasonType: z.string() }),
);
