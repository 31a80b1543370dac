import { z } from '@hono/zod-openapi';
import { PageQuery } from '../../../platform/http/openapi.ts';

const title = z.string().trim().min(1, 'Enter a title').max(200);
const summary = z.string().trim().max(5000).nullable().optional();
const tags = z.array(z.string().trim().min(1).max(50)).max(20);
const dueDays = z.number().int().min(1, 'At least one day').max(3650).nullable();

export const ProgramCreate = z
  .strictObject({
    title,
    summary,
    tags: tags.optional(),
    enforceOrder: z.boolean().optional(),
    dueDays: dueDays.optional(),
    selfEnrollment: z.boolean().optional(),
  })
  .openapi('ProgramCreate');

export const ProgramUpdate = z
  .strictObject({
    title: title.optional(),
    summary,
    tags: tags.optional(),
    enforceOrder: z.boolean().optional(),
    dueDays: dueDays.optional(),
    selfEnrollment: z.boolean().optional(),
  })
  .openapi('ProgramUpdate');

export const EvidenceKind = z.enum(['file', 'text', 'link']);

const CourseStepInput = z.strictObject({
  id: z.uuid().optional().openapi({ description: 'Send back the id of a step that stays' }),
  kind: z.literal('course'),
  courseId: z.uuid(),
});
const CheckpointStepInput = z
  .strictObject({
    id: z.uuid().optional().openapi({ description: 'Send back the id of a step that stays' }),
    kind: z.literal('checkpoint'),
    title,
    instructions: z.string().trim().max(10_000).nullable().optional(),
    evidenceKinds: z.array(EvidenceKind).min(1, 'Allow at least one kind of evidence').max(3),
    approver: z.enum(['manager', 'person']),
    approverPersonId: z.uuid().nullable().optional(),
  })
  .superRefine((v, ctx) => {
    if (v.approver === 'person' && !v.approverPersonId) {
      ctx.addIssue({ code: 'custom', path: ['approverPersonId'], message: 'Choose who approves' });
    }
  });

export const StepsPut = z
  .strictObject({ steps: z.array(z.discriminatedUnion('kind', [CourseStepInput, CheckpointStepInput])).max(100) })
  .openapi('ProgramStepsPut');
export type StepInput = z.infer<typeof StepsPut>['steps'][number];

const PersonRef = z.object({ id: z.uuid(), name: z.string() }).openapi('PersonRef');

export const StepSchema = z
  .object({
    id: z.uuid(),
    position: z.number().int(),
    kind: z.enum(['course', 'checkpoint']),
    courseId: z.uuid().nullable(),
    course: z
      .object({ id: z.uuid(), title: z.string(), format: z.string(), status: z.string(), estimatedMinutes: z.number().int().nullable() })
      .nullable(),
    title: z.string().nullable(),
    instructions: z.string().nullable(),
    evidenceKinds: z.array(EvidenceKind).nullable(),
    approver: z.enum(['manager', 'person']).nullable(),
    approverPerson: PersonRef.nullable(),
  })
  .openapi('ProgramStep');

export const ProgramSchema = z
  .object({
    id: z.uuid(),
    title: z.string(),
    summary: z.string().nullable(),
    tags: z.array(z.string()),
    enforceOrder: z.boolean(),
    dueDays: z.number().int().nullable(),
    selfEnrollment: z.boolean(),
    status: z.enum(['draft', 'published', 'archived']),
    stepCount: z.number().int(),
    createdAt: z.string(),
    updatedAt: z.string(),
  })
  .openapi('ProgramSummary');

export const ProgramDetailSchema = ProgramSchema.extend({
  steps: z.array(StepSchema),
  myEnrollment: z.object({ id: z.uuid(), status: z.string(), progress: z.number().int() }).nullable(),
}).openapi('Program');

export const ProgramsQuery = z.object({
  ...PageQuery,
  q: z.string().trim().max(200).optional(),
  status: z.enum(['draft', 'published', 'archived']).optional(),
});

export const EnrollmentIdParam = z.object({ id: z.uuid().openapi({ param: { name: 'id', in: 'path' } }) });

export const SubmissionSchema = z
  .object({
    id: z.uuid(),
    enrollmentId: z.uuid(),
    stepId: z.uuid(),
    status: z.enum(['submitted', 'approved', 'returned']),
    evidenceText: z.string().nullable(),
    evidenceUrl: z.string().nullable(),
    evidenceFile: z.object({ id: z.uuid(), name: z.string(), url: z.string() }).nullable(),
    reviewer: PersonRef.nullable(),
    reviewComment: z.string().nullable(),
    submittedAt: z.string(),
    reviewedAt: z.string().nullable(),
  })
  .openapi('CheckpointSubmission');

export const ProgramViewSchema = z
  .object({
    enrollment: z.object({
      id: z.uuid(),
      personId: z.uuid(),
      status: z.string(),
      progress: z.number().int(),
      dueAt: z.string().nullable(),
      startedAt: z.string().nullable(),
      completedAt: z.string().nullable(),
      reasonType: z.string(),
      reasonNote: z.string().nullable(),
    }),
    program: z.object({ id: z.uuid(), title: z.string(), summary: z.string().nullable(), enforceOrder: z.boolean() }),
    steps: z.array(
      StepSchema.extend({
        state: z.enum(['done', 'available', 'locked']),
        courseEnrollment: z.object({ id: z.uuid(), status: z.string(), progress: z.number().int() }).nullable(),
        submission: SubmissionSchema.nullable(),
      }),
    ),
  })
  .openapi('ProgramView');
