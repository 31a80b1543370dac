import { z } from '@hono/zod-openapi';
import { PageQuery } from '../../../platform/http/openapi.ts';

export const CourseReportsQuery = z.object({
  ...PageQuery,
  q: z.string().trim().max(200).optional().openapi({ description: 'Search by title or summary' }),
  status: z.enum(['draft', 'published', 'archived']).optional(),
});

export const CourseReportRow = z
  .object({
    courseId: z.uuid(),
    title: z.string(),
    status: z.enum(['draft', 'published', 'archived']),
    format: z.enum(['self_paced', 'live', 'external']),
    enrolled: z.number().int(),
    completed: z.number().int(),
    completionRate: z.number().nullable().openapi({ description: 'Completed (ever) over enrolled, 0–100' }),
    overdue: z.number().int(),
    meanTimeSpentMinutes: z.number().nullable().openapi({ description: 'Over enrolments with time recorded' }),
    meanReaction: z.number().nullable().openapi({ description: 'Mean of relevance, confidence and intent to apply, 1–5' }),
    reactions: z.number().int(),
  })
  .openapi('CourseReportRow');

const ItemSchema = z.object({
  questionId: z.string(),
  prompt: z.string().nullable(),
  kind: z.string().nullable(),
  attempts: z.number().int(),
  correct: z.number().int(),
  difficulty: z.number().openapi({ description: 'Share correct, 0–1' }),
  discrimination: z.number().nullable().openapi({ description: 'Point-biserial; null with fewer than 5 attempts' }),
  flags: z.array(z.enum(['too_easy', 'too_hard', 'poor_discrimination'])),
});

export const CourseReportSchema = z
  .object({
    course: z.object({ id: z.uuid(), title: z.string(), status: z.string(), format: z.string() }),
    enrolled: z.number().int(),
    completed: z.number().int(),
    completionRate: z.number().nullable(),
    overdue: z.number().int(),
    byStatus: z.array(z.object({ status: z.string(), count: z.number().int() })),
    byReason: z.array(z.object({ reasonType: z.string(), count: z.number().int(), completed: z.number().int() })),
    timeSpent: z.object({ count: z.number().int(), meanMinutes: z.number().nullable(), medianMinutes: z.number().nullable() }),
    quizzes: z.array(
      z.object({
        quizId: z.string(),
        lessonId: z.string(),
        lessonTitle: z.string().nullable(),
        attempts: z.number().int(),
        passRate: z.number().nullable(),
        meanScore: z.number().nullable(),
        items: z.array(ItemSchema),
      }),
    ),
    reactions: z.object({
      count: z.number().int(),
      relevance: z.number().nullable(),
      confidence: z.number().nullable(),
      intentToApply: z.number().nullable(),
      comments: z.array(z.object({ comment: z.string(), createdAt: z.string() })),
    }),
  })
  .openapi('CourseReport');
