import { z } from 'zod';
import { defineEvent } from '../../platform/index.ts';

const relationship = z.enum(['self', 'manager', 'peer', 'upward']);

/** A review was made for its reviewer to write (at launch, for an approved peer, or on reassignment). */
export const REVIEW_ASSIGNED = defineEvent(
  'performance.review_assigned',
  z.object({ reviewId: z.uuid(), cycleId: z.uuid(), reviewerId: z.uuid(), subjectId: z.uuid(), relationship }),
);

/** A subject's reviews were shared with them: their skill ratings became assessments; automation rules may act on it. */
export const REVIEW_RELEASED = defineEvent('performance.review_released', z.object({ cycleId: z.uuid(), subjectId: z.uuid(), managerId: z.uuid().nullable(), reviewId: z.uuid().nullable().describe('the manager’s submitted review, if any') }));
