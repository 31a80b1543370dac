import { z } from '@hono/zod-openapi';
import { planActionTypes, planApprovalStatuses, planItemStatuses } from '../../../db/schema/development.ts';
import { enrollmentStatuses } from '../../../db/schema/learning.ts';
import { IsoDate } from '../../org/index.ts';

export const PlanItemSchema = z
  .object({
    id: z.uuid(),
    personId: z.uuid(),
    title: z.string(),
    description: z.string().nullable(),
    actionType: z.enum(planActionTypes),
    skillId: z.uuid().nullable(),
    skillName: z.string().nullable(),
    targetLevel: z.number().int().nullable(),
    goalId: z.uuid().nullable(),
    aspirationId: z.uuid().nullable(),
    gapAssessmentId: z.uuid().nullable(),
    courseId: z.uuid().nullable(),
    courseTitle: z.string().nullable(),
    programId: z.uuid().nullable(),
    programTitle: z.string().nullable(),
    enrollmentId: z.uuid().nullable(),
    enrollmentStatus: z.enum(enrollmentStatuses).nullable(),
    dueDate: z.string().nullable().openapi({ description: 'YYYY-MM-DD' }),
    status: z.enum(planItemStatuses),
    approvalStatus: z.enum(planApprovalStatuses),
    approvedBy: z.uuid().nullable(),
    approvedAt: z.string().nullable(),
    createdBy: z.uuid().nullable(),
    createdAt: z.string(),
    updatedAt: z.string(),
  })
  .openapi('DevelopmentPlanItem');

// Years 1–9999, as PostgreSQL stores them (zod's ISO date lets year 0 through, which the database refuses).
const date = IsoDate;
const title = z.string().trim().min(1, 'Enter a title').max(200);
const description = z.string().trim().max(4000).nullable().optional();

export const PlanItemCreate = z
  .strictObject({
    title: title.optional().openapi({ description: 'Defaults to the course or program title' }),
    actionType: z.enum(planActionTypes),
    skillId: z.uuid().nullable().optional(),
    targetLevel: z.number().int().min(1).max(10).nullable().optional(),
    goalId: z.uuid().nullable().optional(),
    aspirationId: z.uuid().nullable().optional(),
    gapAssessmentId: z.uuid().nullable().optional().openapi({ description: "Defaults to the assessment behind the person's current level of the skill" }),
    courseId: z.uuid().nullable().optional(),
    programId: z.uuid().nullable().optional(),
    dueDate: date.nullable().optional(),
    description,
    requestApproval: z.boolean().optional().openapi({ description: "The person's own item waits for their manager's approval (a course or program enrols once approved)" }),
  })
  .superRefine((v, ctx) => {
    if (v.actionType === 'course' && !v.courseId) ctx.addIssue({ code: 'custom', path: ['courseId'], message: 'Choose a course' });
    if (v.actionType === 'program' && !v.programId) ctx.addIssue({ code: 'custom', path: ['programId'], message: 'Choose a program' });
    if (v.actionType !== 'course' && v.courseId) ctx.addIssue({ code: 'custom', path: ['courseId'], message: 'Only a course item links a course' });
    if (v.actionType !== 'program' && v.programId) ctx.addIssue({ code: 'custom', path: ['programId'], message: 'Only a program item links a program' });
    if (v.actionType !== 'course' && v.actionType !== 'program' && !v.title) ctx.addIssue({ code: 'custom', path: ['title'], message: 'Enter a title' });
    if (v.targetLevel != null && !v.skillId) ctx.addIssue({ code: 'custom', path: ['targetLevel'], message: 'Choose the skill the level is of' });
  })
  .openapi('DevelopmentPlanItemCreate');

export const PlanItemUpdate = z
  .strictObject({
    status: z.enum(planItemStatuses).optional(),
    dueDate: date.nullable().optional(),
    title: title.optional(),
    description,
  })
  .openapi('DevelopmentPlanItemUpdate');
