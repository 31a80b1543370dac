import { z } from 'zod';
import { reasonTypes } from '../../../db/schema/index.ts';
import { defineEvent } from '../../platform/index.ts';

/** A batch of enrolments was made (one per `enroll` call); learners are told unless they chose it. */
export const ENROLLED_EVENT = defineEvent(
  'learning.enrolled',
  z.object({ enrollmentIds: z.array(z.uuid()).min(1), notifyLearners: z.boolean() }),
);

/**
 * An enrolment (course or program) was completed. The type stays the change's action, as the
 * untyped event it replaces, so anything reading `enrollment.completed` keeps working. Carries
 * what subscribers need without reading the enrolment back: the score (the mean best quiz score
 * of a course, null without quizzes) turns into quiz assessments in talent, and the reason is
 * what the closed loop (DESIGN.md §2.1) later measures again.
 */
export const ENROLLMENT_COMPLETED = defineEvent(
  'enrollment.completed',
  z.object({
    enrollmentId: z.uuid(),
    personId: z.uuid(),
    courseId: z.uuid().nullable(),
    programId: z.uuid().nullable(),
    score: z.number().min(0).max(100).nullable(),
    completedAt: z.iso.datetime({ offset: true }),
    reasonType: z.enum(reasonTypes),
    reasonRecordType: z.string().nullable(),
    reasonRecordId: z.uuid().nullable(),
  }),
);
