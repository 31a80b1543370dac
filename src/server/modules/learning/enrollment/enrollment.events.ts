import { z } from 'zod';
import { defineEvent } from '../../platform/index.ts';

/** A batch of enrolments was made (one per `enroll` call); learners are told unless they chose it. */
export const ENROLLED_EVENT = defineEvent(
  'learning.enrolled',
  z.object({ enrollmentIds: z.array(z.uuid()).min(1), notifyLearners: z.boolean() }),
);
