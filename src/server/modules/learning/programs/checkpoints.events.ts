import { z } from 'zod';
import { defineEvent } from '../../platform/index.ts';

/**
 * A learner's evidence for a program checkpoint was approved. The type stays the change's
 * action. Talent records a `checkpoint` skill assessment from it, with the approver as assessor.
 */
export const CHECKPOINT_APPROVED = defineEvent(
  'checkpoint.approved',
  z.object({
    submissionId: z.uuid(),
    /** The program enrolment the checkpoint belongs to. */
    enrollmentId: z.uuid(),
    personId: z.uuid(),
    programId: z.uuid(),
    stepId: z.uuid(),
    approverId: z.uuid(),
    approvedAt: z.iso.datetime({ offset: true }),
  }),
);
