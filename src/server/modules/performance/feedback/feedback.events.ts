import { z } from 'zod';
import { defineEvent } from '../../platform/index.ts';

/** Someone asked for feedback: on themself, or as a manager on a report. */
export const FEEDBACK_REQUESTED = defineEvent(
  'performance.feedback_requested',
  z.object({ requestId: z.uuid(), subjectId: z.uuid(), giverIds: z.array(z.uuid()) }),
);

/**
 * Feedback was given. For anonymous feedback the change's actor is the anonymous actor (no person)
 * and the payload names no giver: a subscriber or webhook cannot learn one.
 */
export const FEEDBACK_GIVEN = defineEvent(
  'performance.feedback_given',
  z.object({ feedbackId: z.uuid(), requestId: z.uuid().nullable(), subjectId: z.uuid(), receiverId: z.uuid(), anonymous: z.boolean() }),
);
