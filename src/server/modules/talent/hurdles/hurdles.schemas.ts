import { z } from '@hono/zod-openapi';
import { hurdleCategories, hurdleSources, hurdleStatuses } from '../../../db/schema/index.ts';
import { IsoDateTime, PageQuery } from '../../../platform/http/openapi.ts';
import { DESCRIPTION_MAX, RESOLUTION_MAX, TITLE_MAX } from './hurdles.core.ts';

export const HurdleSchema = z
  .object({
    id: z.uuid(),
    personId: z.uuid(),
    personName: z.string(),
    title: z.string(),
    description: z.string().nullable(),
    category: z.enum(hurdleCategories),
    skillId: z.uuid().nullable(),
    skillName: z.string().nullable(),
    status: z.enum(hurdleStatuses),
    goal: z.object({ id: z.uuid(), title: z.string() }).nullable().openapi({ description: 'The linked goal, when the viewer may read it' }),
    goalHidden: z.boolean().openapi({ description: 'A goal is linked that the viewer may not read' }),
    source: z.enum(hurdleSources),
    sourceRecordId: z.uuid().nullable(),
    raisedBy: z.object({ id: z.uuid(), name: z.string() }).nullable(),
    resolvedAt: z.string().nullable(),
    resolution: z.string().nullable(),
    createdAt: z.string(),
    updatedAt: z.string(),
  })
  .openapi('Hurdle');

const title = z.string().trim().min(1, 'Enter what is in the way').max(TITLE_MAX, `At most ${TITLE_MAX} characters`);
const description = z.string().trim().max(DESCRIPTION_MAX, `At most ${DESCRIPTION_MAX} characters`);

export const HurdleCreate = z
  .strictObject({
    personId: z.uuid().optional().openapi({ description: 'Whose hurdle it is (default: yours); your reports or, for HR admins, anyone' }),
    title,
    description: description.nullable().optional(),
    category: z.enum(hurdleCategories),
    skillId: z.uuid().nullable().optional(),
    goalId: z.uuid().nullable().optional().openapi({ description: 'A goal you can see that the hurdle is in the way of' }),
  })
  .openapi('HurdleCreate');

export const HurdleUpdate = z
  .strictObject({
    title: title.optional(),
    description: description.nullable().optional(),
    category: z.enum(hurdleCategories).optional(),
    skillId: z.uuid().nullable().optional(),
    goalId: z.uuid().nullable().optional(),
    status: z.enum(hurdleStatuses).optional().openapi({ description: 'Resolving sets resolvedAt; reopening clears it and the resolution' }),
    resolution: z.string().trim().max(RESOLUTION_MAX, `At most ${RESOLUTION_MAX} characters`).nullable().optional().openapi({ description: 'How it was resolved (only on a resolved hurdle)' }),
  })
  .openapi('HurdleUpdate');

const statusFilter = z.enum([...hurdleStatuses, 'unresolved']).optional().openapi({ description: 'One status, or `unresolved` (open and in progress)' });

export const PersonHurdlesQuery = z.object({ ...PageQuery, status: statusFilter });

export const HurdlesQuery = z.object({
  ...PageQuery,
  scope: z.enum(['mine', 'team']).default('mine').optional().openapi({ description: "`mine`, or `team`: everyone below you in the reporting chain" }),
  status: statusFilter,
  category: z.enum(hurdleCategories).optional(),
});

export const AssignLearningBody = z
  .strictObject({
    courseId: z.uuid().optional(),
    programId: z.uuid().optional(),
    dueAt: IsoDateTime().nullable().optional(),
    note: z.string().trim().max(500).nullable().optional().openapi({ description: 'Why, in your words, shown with the reason' }),
  })
  .superRefine((v, ctx) => {
    if (!!v.courseId === !!v.programId) ctx.addIssue({ code: 'custom', path: ['courseId'], message: 'Choose a course or a program' });
  })
  .openapi('HurdleAssignLearning');

export const AssignLearningResult = z.object({ enrollmentId: z.uuid(), hurdle: HurdleSchema }).openapi('HurdleAssignLearningResult');
