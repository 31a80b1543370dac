import { z } from '@hono/zod-openapi';
import { IsoDateTime, PageQuery } from '../../../platform/http/openapi.ts';

export const SettingsSchema = z
  .object({
    anonymousFeedback: z.boolean().openapi({ description: 'Whether feedback may be given anonymously where a request allows it' }),
    checkInReminderWeekday: z.number().int().openapi({ description: 'ISO weekday (1 = Monday) of the check-in reminder' }),
    oneOnOneReminderHours: z.number().int().openapi({ description: 'Hours before a 1:1 that both sides are asked for talking points' }),
  })
  .openapi('PerformanceSettings');

export const SettingsUpdate = z
  .strictObject({
    anonymousFeedback: z.boolean().optional(),
    checkInReminderWeekday: z.number().int().min(1).max(7).optional(),
    oneOnOneReminderHours: z.number().int().min(1).max(168).optional(),
  })
  .openapi('PerformanceSettingsUpdate');

const PersonRef = z.object({ id: z.uuid(), name: z.string(), jobTitle: z.string().nullable() });
const NamedRef = z.object({ id: z.uuid(), name: z.string() });
const Question = z.object({ id: z.string(), text: z.string() });

const requestStatuses = ['open', 'expired', 'closed'] as const;

export const FeedbackRequestSchema = z
  .object({
    id: z.uuid(),
    requester: PersonRef,
    subject: PersonRef,
    message: z.string().nullable(),
    questions: z.array(Question),
    skills: z.array(NamedRef),
    allowAnonymous: z.boolean(),
    expiresAt: z.string().nullable(),
    closedAt: z.string().nullable(),
    createdAt: z.string(),
    status: z.enum(requestStatuses),
    /** Counts only for requests that allow anonymity; anonymous answers count from the day after they were given. */
    progress: z.object({ invited: z.number().int(), answered: z.number().int(), declined: z.number().int(), pending: z.number().int() }),
    invitations: z.array(
      z.object({
        giver: PersonRef,
        status: z
          .enum(['pending', 'answered', 'declined'])
          .nullable()
          .openapi({ description: 'Null where the request allows anonymity: who answered is not shown' }),
      }),
    ),
  })
  .openapi('FeedbackRequest');

export const FeedbackRequestCreate = z
  .strictObject({
    subjectId: z.uuid().optional().openapi({ description: 'Whom the feedback is about: me (default) or someone below me in the reporting chain' }),
    giverIds: z.array(z.uuid()).min(1, 'Ask at least one person').max(30, 'Ask at most 30 people'),
    message: z.string().trim().max(2000, 'At most 2,000 characters').optional(),
    questions: z
      .array(z.strictObject({ text: z.string().trim().min(1, 'Write the question').max(500, 'At most 500 characters') }))
      .max(10, 'At most 10 questions')
      .default([]),
    skillIds: z.array(z.uuid()).max(10, 'At most 10 skills').default([]),
    allowAnonymous: z.boolean().default(false),
    expiresAt: IsoDateTime().optional().openapi({ description: 'When the request stops taking answers (default: in 14 days)' }),
  })
  .superRefine((v, ctx) => {
    if (!v.questions.length && !v.skillIds.length && !v.message) {
      ctx.addIssue({ code: 'custom', path: ['questions'], message: 'Ask a question, name a skill or write a message' });
    }
  })
  .openapi('FeedbackRequestCreate');

export const InvitationSchema = z
  .object({
    id: z.uuid(),
    status: z.enum(['pending', 'answered', 'declined']),
    remindedAt: z.string().nullable(),
    request: z.object({
      id: z.uuid(),
      requester: PersonRef,
      subject: PersonRef,
      message: z.string().nullable(),
      questions: z.array(Question),
      skills: z.array(NamedRef),
      /** Whether I may answer anonymously now: the request allows it and so does the organisation. */
      anonymousAllowed: z.boolean(),
      /** The feedback goes to the subject's manager (who asked), not to the subject. */
      forManager: z.boolean(),
      expiresAt: z.string().nullable(),
      status: z.enum(requestStatuses),
    }),
  })
  .openapi('FeedbackInvitation');

const Rating = z.strictObject({ skillId: z.uuid(), level: z.number().int().min(1).max(10) });
const Answer = z.strictObject({ questionId: z.string().max(64), text: z.string().trim().max(5000, 'At most 5,000 characters') });

export const FeedbackAnswer = z
  .strictObject({
    body: z.string().trim().max(10_000, 'At most 10,000 characters').optional(),
    answers: z.array(Answer).max(10).default([]),
    skillRatings: z.array(Rating).max(10).default([]),
    valueIds: z.array(z.uuid()).max(10).default([]),
    anonymous: z.boolean().default(false),
    shareWithManagers: z.boolean().default(false),
    shareWithSubject: z.boolean().default(false),
  })
  .openapi('FeedbackAnswer');

export const FeedbackCreate = z
  .strictObject({
    subjectId: z.uuid(),
    body: z.string().trim().min(1, 'Write your feedback').max(10_000, 'At most 10,000 characters'),
    skillRatings: z.array(Rating).max(10).default([]),
    valueIds: z.array(z.uuid()).max(10).default([]),
    shareWithManagers: z.boolean().default(false),
  })
  .openapi('FeedbackCreate');

export const FeedbackSchema = z
  .object({
    id: z.uuid(),
    requestId: z.uuid().nullable(),
    subject: PersonRef,
    receiver: PersonRef,
    /** Null for anonymous feedback: nobody can learn who gave it. */
    giver: PersonRef.nullable(),
    anonymous: z.boolean(),
    shareWithManagers: z.boolean(),
    shareWithSubject: z.boolean(),
    body: z.string().nullable(),
    answers: z.array(z.object({ questionId: z.string(), question: z.string().nullable(), text: z.string() })),
    skillRatings: z.array(z.object({ skillId: z.uuid(), name: z.string().nullable(), level: z.number().int() })),
    values: z.array(NamedRef),
    /** The day only: no time is kept. */
    givenOn: z.string(),
  })
  .openapi('Feedback');

export const FeedbackListQuery = z.object({
  view: z
    .enum(['received', 'given', 'team'])
    .default('received')
    .openapi({ description: 'received: to me (or about me, shared with me); given: by me, named; team: my reports’ feedback their givers shared with managers' }),
  ...PageQuery,
});

export const InvitationsQuery = z.object({ status: z.enum(['pending', 'all']).default('pending'), ...PageQuery });
export const RequestsQuery = z.object({ ...PageQuery });
