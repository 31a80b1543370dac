import { z } from '@hono/zod-openapi';
import { enrollmentSources, enrollmentStatuses, reasonTypes } from '../../../db/schema/index.ts';
import { IsoDateTime, PageQuery } from '../../../platform/http/openapi.ts';

/** Kinds of records a reason links to (later issues' goals, reviews, 1:1s…): a short snake_case name. */
const RecordType = z
  .string()
  .trim()
  .regex(/^[a-z][a-z0-9_]{0,49}$/, 'Use a record type such as goal, review or one_on_one');

export const ReasonInput = z
  .strictObject({
    type: z.enum(reasonTypes),
    recordType: RecordType.optional(),
    recordId: z.uuid('Use the id (a UUID) of the record').optional(),
    note: z.string().trim().max(1000).optional(),
  })
  .superRefine((r, ctx) => {
    if (r.recordId && !r.recordType) ctx.addIssue({ code: 'custom', path: ['recordType'], message: 'Say what kind of record this is' });
    if (r.recordType && !r.recordId) ctx.addIssue({ code: 'custom', path: ['recordId'], message: 'Give the id of the record' });
    if (r.type === 'self') ctx.addIssue({ code: 'custom', path: ['type'], message: 'Assigned learning needs a reason other than "self"' });
  })
  .openapi('EnrollmentReasonInput');

const Audience = z
  .discriminatedUnion('type', [
    z.strictObject({ type: z.literal('people'), personIds: z.array(z.uuid()).min(1, 'Choose at least one person').max(10_000) }),
    z.strictObject({ type: z.literal('group'), groupId: z.uuid(), enrollNewcomers: z.boolean().optional() }),
    z.strictObject({ type: z.literal('department'), departmentId: z.uuid() }),
  ])
  .openapi('AssignmentAudience');

export const AssignBody = z
  .strictObject({
    courseId: z.uuid().optional(),
    programId: z.uuid().optional(),
    audience: Audience,
    reason: ReasonInput,
    dueAt: IsoDateTime().optional(),
    dueDays: z.number().int().min(1).max(3650).optional(),
  })
  .superRefine((v, ctx) => {
    if (!v.courseId === !v.programId) ctx.addIssue({ code: 'custom', path: ['courseId'], message: 'Give either a course or a program' });
    if (v.dueAt && v.dueDays) ctx.addIssue({ code: 'custom', path: ['dueDays'], message: 'Give a due date or a number of days, not both' });
  })
  .openapi('AssignRequest');

export const AssignResult = z
  .object({
    assignmentId: z.uuid(),
    enrolled: z.number().int(),
    alreadyEnrolled: z.number().int(),
    enrollmentIds: z.array(z.uuid()).openapi({ description: 'The enrolments this request created' }),
  })
  .openapi('AssignResult');

const Reason = z.object({
  type: z.enum(reasonTypes),
  label: z.string().openapi({ description: 'The reason in words' }),
  recordType: z.string().nullable(),
  recordId: z.uuid().nullable(),
  note: z.string().nullable(),
});

const Ref = z.object({ id: z.uuid(), name: z.string() });

export const LearningItem = z
  .object({
    id: z.uuid(),
    kind: z.enum(['course', 'program']),
    courseId: z.uuid().nullable(),
    programId: z.uuid().nullable(),
    title: z.string(),
    format: z.string().nullable(),
    status: z.enum(enrollmentStatuses),
    overdue: z.boolean(),
    dueAt: z.string().nullable(),
    progress: z.number().int(),
    reason: Reason,
    reasonDetail: z
      .object({ label: z.string(), href: z.string().optional() })
      .nullable()
      .openapi({ description: 'What this viewer may see of the record the reason links to (null when nothing); the generic label is in `reason`' }),
    source: z.enum(enrollmentSources),
    assignedBy: Ref.nullable(),
    startedAt: z.string().nullable(),
    completedAt: z.string().nullable(),
    expiresAt: z.string().nullable(),
    lastActivityAt: z.string().nullable(),
    certificateId: z.uuid().nullable(),
    parentEnrollmentId: z.uuid().nullable(),
    parentTitle: z.string().nullable().openapi({ description: 'The program this course is a step of' }),
    createdAt: z.string(),
  })
  .openapi('LearningItem');

export const MyLearning = z
  .object({
    assigned: z.array(LearningItem).openapi({ description: 'Not started yet; overdue first, then by due date' }),
    inProgress: z.array(LearningItem).openapi({ description: 'Started (or failed with attempts to make up), latest activity first' }),
    completed: z.array(LearningItem).openapi({ description: 'Completed or expired, latest first' }),
  })
  .openapi('MyLearning');

export const EnrollmentSchema = LearningItem.extend({ person: Ref }).openapi('Enrollment');

export const EnrollmentsQuery = z.object({
  ...PageQuery,
  personId: z.uuid().optional(),
  courseId: z.uuid().optional(),
  programId: z.uuid().optional(),
  status: z.enum(enrollmentStatuses).optional(),
  overdue: z.enum(['true', 'false']).optional(),
});

export const DuePatch = z
  .strictObject({
    dueAt: IsoDateTime().nullable(),
  })
  .openapi('EnrollmentDuePatch');

const Counts = z.object({
  notStarted: z.number().int(),
  inProgress: z.number().int(),
  completed: z.number().int(),
  overdue: z.number().int(),
});

export const TeamMember = z
  .object({
    person: z.object({ id: z.uuid(), name: z.string(), jobTitle: z.string().nullable(), direct: z.boolean() }),
    counts: Counts,
    enrollments: z.array(LearningItem),
  })
  .openapi('TeamLearningMember');

export const TeamQuery = z.object({ ...PageQuery });
