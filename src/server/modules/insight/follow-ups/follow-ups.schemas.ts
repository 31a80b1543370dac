import { z } from '@hono/zod-openapi';
import { followUpStatuses } from '../../../db/schema/insight.ts';
import { reasonTypes } from '../../../db/schema/learning.ts';
import { PageQuery, page } from '../../../platform/http/openapi.ts';
import { FOLLOWED_REASONS, MAX_FOLLOW_UP_DAYS } from './loop.ts';

export const ListQuery = z.object({
  personId: z.uuid().optional(),
  courseId: z.uuid().optional(),
  programId: z.uuid().optional(),
  status: z.enum(followUpStatuses).optional(),
  askedOf: z.enum(['me']).optional().openapi({ description: 'Only the follow-ups waiting for my answer or re-rating' }),
  ...PageQuery,
});

export const SummaryQuery = z
  .object({
    courseId: z.uuid().optional(),
    programId: z.uuid().optional(),
    personId: z.uuid().optional(),
    team: z.enum(['me']).optional().openapi({ description: 'Everyone below me in the reporting chain (the default)' }),
  })
  .refine((q) => [q.courseId, q.programId, q.personId, q.team].filter((x) => x !== undefined).length <= 1, {
    message: 'Give one of courseId, programId, personId or team',
    path: ['courseId'],
  });

export const AnswerBody = z
  .strictObject({
    answer: z.enum(['improved', 'not_improved']),
    note: z.string().trim().max(2000).optional(),
  })
  .openapi('FollowUpAnswer');

export const SettingsBody = z
  .strictObject({
    days: z.partialRecord(z.enum(FOLLOWED_REASONS), z.number().int().min(1).max(MAX_FOLLOW_UP_DAYS)),
  })
  .openapi('FollowUpSettingsInput');

const Signal = z.object({
  levels: z.record(z.string(), z.number().nullable()).optional(),
  goalProgress: z.number().optional(),
  goalStatus: z.string().optional(),
  hurdleStatus: z.string().optional(),
  answer: z.enum(['improved', 'not_improved']).optional(),
  note: z.string().optional(),
});

export const FollowUpSchema = z
  .object({
    id: z.string(),
    enrollmentId: z.string(),
    person: z.object({ id: z.string(), name: z.string() }),
    item: z.object({ kind: z.enum(['course', 'program']), id: z.string(), title: z.string() }).nullable(),
    reasonType: z.enum(reasonTypes),
    reasonRecordType: z.string().nullable(),
    reasonRecordId: z.string().nullable(),
    completedAt: z.string().nullable(),
    dueAt: z.string(),
    status: z.enum(followUpStatuses),
    askedOf: z.object({ id: z.string(), name: z.string() }).nullable(),
    askedAt: z.string().nullable(),
    decidedAt: z.string().nullable(),
    before: Signal,
    after: Signal.nullable(),
    skills: z.array(z.object({ id: z.string(), name: z.string(), before: z.number().nullable(), after: z.number().nullable() })),
    evidence: z.object({ type: z.string(), id: z.string() }).nullable(),
  })
  .openapi('FollowUp');
export const FollowUpPage = page(FollowUpSchema);

const Closure = {
  improved: z.number().int(),
  notImproved: z.number().int(),
  decided: z.number().int(),
  pending: z.number().int(),
  rate: z.number().nullable().openapi({ description: 'improved / decided; null with nothing decided' }),
  flagged: z.boolean().openapi({ description: 'Many decided follow-ups and a low rate: worth a look' }),
};
export const SummarySchema = z
  .object({ ...Closure, byReason: z.array(z.object({ reasonType: z.enum(FOLLOWED_REASONS), ...Closure })) })
  .openapi('LoopClosure');

export const SettingsSchema = z
  .object({ days: z.record(z.enum(FOLLOWED_REASONS), z.number().int()) })
  .openapi('FollowUpSettings');
