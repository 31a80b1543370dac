import { z } from 'zod';
import { defineEvent } from '../../platform/index.ts';

/**
 * A completion passed its validity (the compliance sweep): the learning is no longer held, so
 * it may be recommended again. One event per enrolment; the type is the change's action.
 */
export const ENROLLMENT_EXPIRED = defineEvent(
  'enrollment.expired',
  z.object({ personId: z.uuid(), courseId: z.uuid().nullable(), programId: z.uuid().nullable(), complianceRuleId: z.uuid().nullable() }),
);

/** An enrolment was removed (unenrolled, withdrawn): the learner no longer holds it. */
export const ENROLLMENT_REMOVED = defineEvent(
  'enrollment.deleted',
  z.object({ personId: z.uuid(), courseId: z.uuid().nullable().optional(), programId: z.uuid().nullable().optional() }),
);
