import { z } from '@hono/zod-openapi';

const ts = z.string().nullable();

export const EnrollmentParams = z.object({
  id: z.uuid().openapi({ param: { name: 'id', in: 'path' } }),
});
const key = z.string().min(1).max(100);
export const LessonParams = EnrollmentParams.extend({ lessonId: key.openapi({ param: { name: 'lessonId', in: 'path' } }) });
export const QuizParams = EnrollmentParams.extend({ quizId: key.openapi({ param: { name: 'quizId', in: 'path' } }) });

export const EnrollmentStateSchema = z
  .object({
    id: z.uuid(),
    status: z.enum(['not_started', 'in_progress', 'completed', 'failed', 'expired']),
    progress: z.number().int(),
    score: z.number().int().nullable(),
    timeSpentSeconds: z.number().int(),
    lastLessonId: z.string().nullable(),
    startedAt: ts,
    completedAt: ts,
    dueAt: ts,
    expiresAt: ts,
    certificateId: z.uuid().nullable(),
  })
  .openapi('PlayerEnrollment');

export const PlayerSchema = z
  .object({
    enrollment: EnrollmentStateSchema,
    course: z.object({
      id: z.uuid(),
      title: z.string(),
      format: z.enum(['self_paced', 'live', 'external']),
      externalUrl: z.string().nullable(),
      estimatedMinutes: z.number().int().nullable(),
      versionId: z.uuid().nullable(),
    }),
    outline: z.array(
      z.object({
        id: z.string(),
        title: z.string(),
        lessons: z.array(
          z.object({ id: z.string(), title: z.string(), estimatedMinutes: z.number().nullable(), hasQuiz: z.boolean(), completed: z.boolean() }),
        ),
      }),
    ),
    resumeLessonId: z.string().nullable(),
    reaction: z
      .object({ relevance: z.number(), confidence: z.number(), intentToApply: z.number(), comment: z.string().nullable() })
      .nullable(),
  })
  .openapi('Player');

export const AttemptSummarySchema = z
  .object({
    id: z.uuid(),
    quizId: z.string(),
    number: z.number().int(),
    startedAt: z.string(),
    deadlineAt: ts,
    submittedAt: ts,
    score: z.number().int().nullable(),
    passed: z.boolean().nullable(),
    timedOut: z.boolean(),
  })
  .openapi('QuizAttemptSummary');

const BlockSchema = z
  .union([
    z.object({ id: z.string(), type: z.literal('text'), doc: z.any() }),
    z.object({
      id: z.string(),
      type: z.literal('video'),
      source: z.enum(['file', 'url']),
      url: z.string(),
      captionsUrl: z.string().nullable(),
      title: z.string().nullable(),
    }),
    z.object({ id: z.string(), type: z.literal('file'), url: z.string(), label: z.string().nullable() }),
    z.object({ id: z.string(), type: z.literal('embed'), url: z.string(), title: z.string(), height: z.number().nullable() }),
    z.object({
      id: z.string(),
      type: z.literal('quiz'),
      quiz: z.object({
        passMark: z.number(),
        attemptsAllowed: z.number().nullable(),
        timeLimitMinutes: z.number().nullable(),
        questionCount: z.number().int(),
        attemptsUsed: z.number().int(),
        passed: z.boolean(),
        openAttemptId: z.uuid().nullable(),
        attempts: z.array(AttemptSummarySchema),
      }),
    }),
  ])
  .openapi('LessonBlock');

export const LessonSchema = z
  .object({
    id: z.string(),
    title: z.string(),
    sectionId: z.string(),
    sectionTitle: z.string(),
    estimatedMinutes: z.number().nullable(),
    position: z.number().int(),
    lessonCount: z.number().int(),
    previousLessonId: z.string().nullable(),
    nextLessonId: z.string().nullable(),
    completed: z.boolean(),
    timeSpentSeconds: z.number().int(),
    blocks: z.array(BlockSchema),
  })
  .openapi('Lesson');

export const ProgressBody = z
  .strictObject({
    timeSpentSeconds: z.number().int('Send whole seconds').min(0).max(86_400).openapi({
      description: 'Added to the lesson: at most the time since time was last counted for the enrolment (or since it started), and at most 3600 per report',
    }),
    completed: z.boolean().optional().openapi({ description: 'Mark a lesson without a quiz complete' }),
  })
  .openapi('LessonProgressReport');

export const ProgressSchema = z
  .object({ lessonId: z.string(), completed: z.boolean(), timeSpentSeconds: z.number().int(), enrollment: EnrollmentStateSchema })
  .openapi('LessonProgress');

const Option = z.object({ id: z.string(), text: z.string() });
export const AttemptSchema = z
  .object({
    attempt: AttemptSummarySchema,
    passMark: z.number(),
    questions: z.array(
      z.object({ id: z.string(), kind: z.enum(['single', 'multiple', 'true_false', 'short_answer']), prompt: z.string(), points: z.number(), options: z.array(Option) }),
    ),
  })
  .openapi('QuizAttempt');

export const AttemptIdParam = z.object({ id: z.uuid().openapi({ param: { name: 'id', in: 'path' } }) });

export const SubmitBody = z
  .strictObject({
    answers: z
      .record(z.string().max(100), z.union([z.string().max(2000), z.array(z.string().max(100)).max(50)]))
      .refine((a) => Object.keys(a).length <= 500, 'Too many answers')
      .openapi({ description: 'By question id: an option id (single, true/false), option ids (multiple) or text (short answer)' }),
  })
  .openapi('QuizSubmission');

export const ResultSchema = z
  .object({
    attempt: AttemptSummarySchema,
    passMark: z.number(),
    keyShown: z.boolean().openapi({
      description: 'Whether the review carries the key: only once the quiz is passed or no attempt is left; before that, right or wrong per question',
    }),
    questions: z.array(
      z.object({
        id: z.string(),
        kind: z.enum(['single', 'multiple', 'true_false', 'short_answer']),
        prompt: z.string(),
        correct: z.boolean().openapi({ description: 'Whether the learner answered this question right' }),
        earned: z.number(),
        possible: z.number(),
        answer: z.union([z.string(), z.array(z.string())]).nullable(),
        options: z.array(
          Option.extend({
            correct: z.boolean().nullable().openapi({ description: 'Whether the option is right; null while the key is withheld' }),
            selected: z.boolean(),
            feedback: z.string().nullable(),
          }),
        ),
        acceptedAnswers: z.array(z.string()).openapi({ description: 'Empty while the key is withheld' }),
        feedback: z.string().nullable(),
      }),
    ),
    enrollment: EnrollmentStateSchema,
  })
  .openapi('QuizResult');

const rating = (what: string) => z.number().int(`Rate ${what} from 1 to 5`).min(1, `Rate ${what} from 1 to 5`).max(5, `Rate ${what} from 1 to 5`);
export const ReactionBody = z
  .strictObject({
    relevance: rating('relevance'),
    confidence: rating('confidence'),
    intentToApply: rating('your intent to apply'),
    comment: z.string().max(2000, 'Keep the comment under 2000 characters').nullable().optional(),
  })
  .openapi('ReactionSubmission');

export const ReactionSchema = z
  .object({
    id: z.uuid(),
    enrollmentId: z.uuid(),
    relevance: z.number(),
    confidence: z.number(),
    intentToApply: z.number(),
    comment: z.string().nullable(),
    createdAt: z.string(),
  })
  .openapi('Reaction');
