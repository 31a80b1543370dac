import { z } from '@hono/zod-openapi';
import { goalVisibilities, keyResultKinds } from '../../../db/schema/index.ts';
import { IsoDateTime } from '../../../platform/http/openapi.ts';
import { weight } from './goals.schemas.ts';

const title = z.string().trim().min(1, 'Enter a title').max(200, 'At most 200 characters');
const value = z.number({ error: 'Enter a number' }).finite('Enter a number').min(-1e12).max(1e12);

const TemplateKeyResult = z.strictObject({
  title,
  kind: z.enum(keyResultKinds),
  unit: z.string().trim().max(20).nullable().optional(),
  startValue: value.optional(),
  targetValue: value,
  weight: weight.optional(),
});

export const TemplateSchema = z
  .object({
    id: z.uuid(),
    title: z.string(),
    description: z.string().nullable(),
    keyResults: z.array(z.object({ title: z.string(), kind: z.enum(keyResultKinds), unit: z.string().nullable().optional(), startValue: z.number().optional(), targetValue: z.number(), weight: z.number().optional() })),
    skillIds: z.array(z.uuid()),
    archived: z.boolean(),
    createdAt: z.string(),
  })
  .openapi('GoalTemplate');

export const TemplateCreate = z
  .strictObject({
    title,
    description: z.string().trim().max(5000).nullable().optional(),
    keyResults: z.array(TemplateKeyResult).max(20).optional(),
    skillIds: z.array(z.uuid()).max(30).optional(),
  })
  .openapi('GoalTemplateCreate');
export const TemplateUpdate = z.strictObject({ ...TemplateCreate.shape, title: title.optional(), archived: z.boolean().optional() }).openapi('GoalTemplateUpdate');

export const Audience = z.discriminatedUnion('type', [
  z.strictObject({ type: z.literal('people'), personIds: z.array(z.uuid()).min(1).max(5000) }),
  z.strictObject({ type: z.literal('group'), groupId: z.uuid() }),
  z.strictObject({ type: z.literal('department'), departmentId: z.uuid() }),
]);

export const AssignTemplate = z
  .strictObject({
    audience: z.union([Audience, z.array(Audience).min(1, 'Choose who gets the goal').max(50, 'At most 50 audiences at once')]).openapi({
      description: 'People, a group or a department (with its sub-departments), or a list of them: each active person gets their own goal, once',
    }),
    dryRun: z.boolean().optional().openapi({ description: 'Count who would get the goal and who already has it, without assigning' }),
    periodId: z.uuid().nullable().optional().openapi({ description: 'The current quarter by default' }),
    parentId: z.uuid().nullable().optional(),
    visibility: z.enum(goalVisibilities).optional(),
  })
  .openapi('GoalTemplateAssign');

export const AssignResult = z
  .object({
    assignmentId: z.uuid().nullable().openapi({ description: 'Null for a dry run, or when everybody had the goal already' }),
    created: z.number().int().openapi({ description: 'Goals created (a dry run: that would be created)' }),
    alreadyHad: z.number().int().openapi({ description: "People of the audience who already have a goal from this template in the period; they get no second one" }),
    goalIds: z.array(z.uuid()),
    dryRun: z.boolean(),
  })
  .openapi('GoalAssignResult');

export const AssignLearning = z
  .strictObject({
    courseId: z.uuid().optional(),
    programId: z.uuid().optional(),
    personIds: z.array(z.uuid()).min(1).max(500).optional().openapi({ description: "The goal's owner by default (required for team and company goals)" }),
    dueAt: IsoDateTime().optional(),
  })
  .refine((v) => !!v.courseId !== !!v.programId, { path: ['courseId'], message: 'Choose a course or a program' })
  .openapi('GoalAssignLearning');
export const AssignLearningResult = z.object({ enrolled: z.number().int(), enrollmentIds: z.array(z.uuid()) }).openapi('GoalAssignLearningResult');
