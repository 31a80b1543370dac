import { z } from '@hono/zod-openapi';
import { planActionTypes } from '../../../db/schema/index.ts';
import { IsoDateTime } from '../../../platform/http/openapi.ts';
import { IsoDate } from '../../org/index.ts';

export const ReviewAssignLearning = z
  .strictObject({
    courseId: z.uuid().optional(),
    programId: z.uuid().optional(),
    questionId: z.string().max(40).openapi({ description: 'The question whose rating prompted it' }),
    skillId: z.uuid().optional().openapi({ description: 'For a skills question: the skill rated' }),
    dueAt: IsoDateTime().optional(),
  })
  .refine((v) => !!v.courseId !== !!v.programId, { path: ['courseId'], message: 'Choose a course or a program' })
  .openapi('ReviewAssignLearning');

export const ReviewAssignResult = z
  .object({ enrollmentId: z.uuid(), alreadyEnrolled: z.boolean(), reasonNote: z.string() })
  .openapi('ReviewAssignLearningResult');

export const ReviewPlanItem = z
  .strictObject({
    title: z.string().trim().min(1, 'Enter a title').max(200).optional(),
    actionType: z.enum(planActionTypes),
    questionId: z.string().max(40),
    skillId: z.uuid().optional(),
    targetLevel: z.number().int().min(1).max(10).optional(),
    courseId: z.uuid().optional(),
    programId: z.uuid().optional(),
    dueDate: IsoDate.optional(),
  })
  .openapi('ReviewPlanItem');
