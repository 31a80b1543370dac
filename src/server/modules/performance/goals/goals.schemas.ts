import { z } from '@hono/zod-openapi';
import { goalOwnerTypes, goalPeriodKinds, goalStatuses, goalVisibilities, keyResultKinds } from '../../../db/schema/index.ts';
import { IsoDate } from '../../org/index.ts';
import { PageQuery } from '../../../platform/http/openapi.ts';

const title = z.string().trim().min(1, 'Enter a title').max(200, 'At most 200 characters');
const text = (max: number) => z.string().trim().max(max, `At most ${max} characters`);
/** Values a key result takes: finite, within what a double stores exactly enough for money and counts. */
const value = z.number({ error: 'Enter a number' }).finite('Enter a number').min(-1e12).max(1e12);
// Weights are stored as real (float4): below 0.01 a weight means nothing and far below it PostgreSQL refuses the value.
export const weight = z
  .number()
  .finite()
  .min(0, 'A weight is 0 or more')
  .max(1000, 'A weight is at most 1,000')
  .refine((w) => w === 0 || w >= 0.01, 'A weight is 0, or 0.01 or more');

export const KeyResultSchema = z
  .object({
    id: z.uuid(),
    title: z.string(),
    kind: z.enum(keyResultKinds),
    unit: z.string().nullable(),
    startValue: z.number(),
    targetValue: z.number(),
    currentValue: z.number(),
    weight: z.number(),
    position: z.number(),
    progress: z.number(),
  })
  .openapi('KeyResult');

export const KeyResultInput = z
  .strictObject({
    /** An existing key result to keep (and change); without it, a new one. */
    id: z.uuid().optional(),
    title,
    kind: z.enum(keyResultKinds),
    unit: text(20).nullable().optional(),
    startValue: value.optional(),
    targetValue: value.optional(),
    currentValue: value.optional(),
    weight: weight.optional(),
  })
  .superRefine((k, ctx) => {
    if (k.kind !== 'binary' && k.targetValue === undefined) ctx.addIssue({ code: 'custom', path: ['targetValue'], message: 'Enter a target' });
    if (k.kind === 'binary' && k.currentValue !== undefined && k.currentValue !== 0 && k.currentValue !== 1) {
      ctx.addIssue({ code: 'custom', path: ['currentValue'], message: 'A done/not done result is 1 (done) or 0 (not done)' });
    }
  })
  .openapi('KeyResultInput');

export const GoalSkillSchema = z.object({ skillId: z.uuid(), name: z.string(), level: z.number().nullable() }).openapi('GoalSkill');

export const GoalSchema = z
  .object({
    id: z.uuid(),
    title: z.string(),
    description: z.string().nullable(),
    ownerType: z.enum(goalOwnerTypes),
    ownerPersonId: z.uuid().nullable(),
    ownerDepartmentId: z.uuid().nullable(),
    ownerGroupId: z.uuid().nullable(),
    ownerName: z.string(),
    parentId: z.uuid().nullable(),
    periodId: z.uuid().nullable(),
    periodName: z.string().nullable(),
    periodClosed: z.boolean(),
    visibility: z.enum(goalVisibilities),
    status: z.enum(goalStatuses),
    progress: z.number(),
    weight: z.number(),
    templateId: z.uuid().nullable(),
    lastCheckInAt: z.string().nullable(),
    closedAt: z.string().nullable(),
    createdAt: z.string(),
    updatedAt: z.string(),
  })
  .openapi('Goal');

export const GoalDetailSchema = GoalSchema.extend({
  keyResults: z.array(KeyResultSchema),
  skills: z.array(GoalSkillSchema),
  parent: z.object({ id: z.uuid(), title: z.string() }).nullable().openapi({ description: 'Null also when the parent is not the viewer’s to see' }),
  children: z.array(GoalSchema),
  hiddenChildren: z.number().int(),
  canEdit: z.boolean(),
}).openapi('GoalDetail');

const skillsInput = z
  .array(z.strictObject({ skillId: z.uuid(), level: z.number().int().min(1).max(10).nullable().optional() }))
  .max(30, 'At most 30 skills');

const fields = {
  title,
  description: text(5000).nullable().optional(),
  parentId: z.uuid().nullable().optional().openapi({ description: 'The goal this one supports' }),
  periodId: z.uuid().nullable().optional(),
  visibility: z.enum(goalVisibilities).optional(),
  status: z.enum(goalStatuses).optional(),
  weight: weight.optional().openapi({ description: "Weight among the parent's children (1 by default)" }),
  keyResults: z.array(KeyResultInput).max(20, 'At most 20 key results').optional(),
  skills: skillsInput.optional(),
};

export const GoalOwnerInput = z.discriminatedUnion('type', [
  z.strictObject({ type: z.literal('person'), personId: z.uuid() }),
  z.strictObject({ type: z.literal('department'), departmentId: z.uuid() }),
  z.strictObject({ type: z.literal('group'), groupId: z.uuid() }),
  z.strictObject({ type: z.literal('company') }),
]);

export const GoalCreate = z
  .strictObject({ ...fields, owner: GoalOwnerInput.optional().openapi({ description: 'Yourself by default' }) })
  .openapi('GoalCreate');
export const GoalUpdate = z.strictObject({ ...fields, title: title.optional() }).openapi('GoalUpdate');

export const GoalsQuery = z.object({
  ...PageQuery,
  scope: z.enum(['mine', 'team', 'company', 'all']).optional().openapi({
    description: 'mine: my own goals; team: goals of my direct reports and of those who share my manager; company: company, department and group goals',
  }),
  ownerType: z.enum(goalOwnerTypes).optional(),
  ownerId: z.uuid().optional().openapi({ description: 'A person, department or group id (with ownerType)' }),
  periodId: z.uuid().optional(),
  status: z.enum(goalStatuses).optional(),
  q: z.string().trim().max(200).optional(),
});

export const TreeQuery = z.object({
  rootId: z.uuid().optional(),
  periodId: z.uuid().optional(),
  q: z.string().trim().max(200).optional(),
});

export const TreeNodeSchema = GoalSchema.extend({ depth: z.number().int(), hiddenChildren: z.number().int() }).openapi('GoalTreeNode');
export const TreeSchema = z.object({ data: z.array(TreeNodeSchema), truncated: z.boolean() }).openapi('GoalTree');

// ---- periods ----

export const PeriodSchema = z
  .object({
    id: z.uuid(),
    name: z.string(),
    kind: z.enum(goalPeriodKinds),
    startsOn: z.string(),
    endsOn: z.string(),
    closedAt: z.string().nullable(),
    current: z.boolean(),
  })
  .openapi('GoalPeriod');

export const PeriodCreate = z
  .strictObject({ name: text(60).min(1, 'Enter a name'), kind: z.enum(goalPeriodKinds).optional(), startsOn: IsoDate, endsOn: IsoDate })
  .refine((p) => p.startsOn <= p.endsOn, { path: ['endsOn'], message: 'The period ends on or after its start' })
  .openapi('GoalPeriodCreate');

// ---- comments ----

export const CommentSchema = z
  .object({ id: z.uuid(), goalId: z.uuid(), authorId: z.uuid().nullable(), authorName: z.string().nullable(), body: z.string(), createdAt: z.string() })
  .openapi('GoalComment');
export const CommentCreate = z.strictObject({ body: text(5000).min(1, 'Write a comment') }).openapi('GoalCommentCreate');
