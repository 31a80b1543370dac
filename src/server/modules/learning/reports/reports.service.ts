import type { z } from '@hono/zod-openapi';
import { stringify } from 'csv-stringify/sync';
import { z as zod } from 'zod';
import type { AppContext } from '../../../context.ts';
import type { CourseContent, ReasonType } from '../../../db/schema/index.ts';
import { decodeCursor, keysetPage } from '../../../platform/http/openapi.ts';
import { notFound } from '../../../platform/http/errors.ts';
import type { Actor } from '../../../platform/http/types.ts';
import { analyseItems } from './item-analysis.ts';
import { requirePermission } from '../../org/index.ts';
import { canReadLearningReports } from '../learning.policy.ts';
import type { CourseReportsQuery } from './reports.schemas.ts';
import * as repo from './reports.repo.ts';

/** Text cells that a spreadsheet would run as a formula get a leading quote (CSV injection). */
export const cell = (v: string) => (/^[=+\-@\t\r]/.test(v) ? `'${v}` : v);

const round1 = (x: number | null) => (x == null ? null : Math.round(x * 10) / 10);
const rate = (part: number, whole: number) => (whole ? round1((part / whole) * 100) : null);
const minutes = (seconds: number | null) => (seconds == null ? null : round1(seconds / 60));

export async function listCourseReports(ctx: AppContext, actor: Actor, query: z.infer<typeof CourseReportsQuery>) {
  requirePermission(actor, canReadLearningReports);
  const limit = query.limit ?? 50;
  const courses = await repo.listCourses(
    ctx.db,
    actor.orgId,
    { q: query.q, status: query.status },
    { limit: limit + 1, after: decodeCursor(query.cursor, zod.tuple([zod.string(), zod.uuid()])) },
  );
  const { data: pageOf, nextCursor } = keysetPage(courses, limit, (last) => [last.title.toLowerCase(), last.id]);
  const ids = pageOf.map((c) => c.id);
  const [stats, reactions] = await Promise.all([
    repo.enrollmentStats(ctx.db, actor.orgId, ids, ctx.clock.now()),
    repo.reactionStats(ctx.db, actor.orgId, ids),
  ]);
  const statsOf = new Map(stats.map((s) => [s.courseId, s]));
  const reactionsOf = new Map(reactions.map((r) => [r.courseId, r]));
  return {
    data: pageOf.map((c) => {
      const s = statsOf.get(c.id);
      const r = reactionsOf.get(c.id);
      return {
        courseId: c.id,
        title: c.title,
        status: c.status,
        format: c.format,
        enrolled: s?.enrolled ?? 0,
        completed: s?.completed ?? 0,
        completionRate: rate(s?.completed ?? 0, s?.enrolled ?? 0),
        overdue: s?.overdue ?? 0,
        meanTimeSpentMinutes: minutes(s?.meanSeconds ?? null),
        meanReaction: round1(r?.mean ?? null),
        reactions: r?.count ?? 0,
      };
    }),
    nextCursor,
  };
}

/** Lesson titles and questions by id across the course's versions (newest wins). */
function contentIndex(contents: CourseContent[]) {
  const lessons = new Map<string, string>();
  const questions = new Map<string, { prompt: string; kind: string }>();
  for (const content of [...contents].reverse()) {
    for (const section of content.sections ?? []) {
      for (const lesson of section.lessons ?? []) {
        lessons.set(lesson.id, lesson.title);
        for (const block of lesson.blocks ?? []) {
          if (block.type !== 'quiz') continue;
          for (const q of block.quiz.questions ?? []) {
            questions.set(`${block.id}/${q.id}`, { prompt: q.prompt, kind: q.kind });
            questions.set(q.id, { prompt: q.prompt, kind: q.kind });
          }
        }
      }
    }
  }
  return { lessons, questions };
}

export async function courseReport(ctx: AppContext, actor: Actor, courseId: string) {
  requirePermission(actor, canReadLearningReports);
  const c = await repo.findCourse(ctx.db, actor.orgId, courseId);
  if (!c) throw notFound('Course');
  const now = ctx.clock.now();
  const [[stats], byStatus, byReason, time, attempts, contents, reactions] = await Promise.all([
    repo.enrollmentStats(ctx.db, actor.orgId, [courseId], now),
    repo.countsByStatus(ctx.db, actor.orgId, courseId),
    repo.countsByReason(ctx.db, actor.orgId, courseId),
    repo.timeSpent(ctx.db, actor.orgId, courseId),
    repo.gradedAttempts(ctx.db, actor.orgId, courseId),
    repo.versionContents(ctx.db, actor.orgId, courseId),
    repo.reactionSummary(ctx.db, actor.orgId, courseId),
  ]);
  const index = contentIndex(contents);

  const byQuiz = new Map<string, typeof attempts>();
  for (const a of attempts) {
    const key = `${a.lessonId}\u0000${a.quizId}`;
    byQuiz.set(key, [...(byQuiz.get(key) ?? []), a]);
  }
  const quizzes = [...byQuiz.values()].map((list) => {
    const { lessonId, quizId } = list[0]!;
    const scores = list.map((a) => a.score ?? 0);
    const items = analyseItems(list.map((a) => ({ score: a.score ?? 0, items: a.items ?? [] })));
    return {
      quizId,
      lessonId,
      lessonTitle: index.lessons.get(lessonId) ?? null,
      attempts: list.length,
      passRate: rate(list.filter((a) => a.passed).length, list.length),
      meanScore: round1(scores.reduce((s, x) => s + x, 0) / scores.length),
      items: items.map((i) => {
        const q = index.questions.get(`${quizId}/${i.questionId}`) ?? index.questions.get(i.questionId);
        return { ...i, prompt: q?.prompt ?? null, kind: q?.kind ?? null };
      }),
    };
  });

  const enrolled = stats?.enrolled ?? 0;
  const completed = stats?.completed ?? 0;
  return {
    course: { id: c.id, title: c.title, status: c.status, format: c.format },
    enrolled,
    completed,
    completionRate: rate(completed, enrolled),
    overdue: stats?.overdue ?? 0,
    byStatus,
    byReason,
    timeSpent: { count: time.count, meanMinutes: minutes(time.mean), medianMinutes: minutes(time.median) },
    quizzes,
    reactions: {
      count: reactions.count,
      relevance: round1(reactions.relevance),
      confidence: round1(reactions.confidence),
      intentToApply: round1(reactions.intentToApply),
      comments: reactions.comments.map((x) => ({ comment: x.comment, createdAt: x.createdAt.toISOString() })),
    },
  };
}

const reasonLabels: Record<ReasonType, string> = {
  skill_gap: 'Closes a skill gap',
  goal: 'Supports a goal',
  review: 'From your review',
  one_on_one: 'Agreed in a 1:1',
  hurdle: 'Removes a hurdle',
  aspiration: 'Towards your aspiration',
  compliance: 'Required for compliance',
  onboarding: 'Part of onboarding',
  self: 'Your choice',
};

export async function courseEnrollmentsCsv(ctx: AppContext, actor: Actor, courseId: string) {
  requirePermission(actor, canReadLearningReports);
  const c = await repo.findCourse(ctx.db, actor.orgId, courseId);
  if (!c) throw notFound('Course');
  const list = await repo.enrollmentsForExport(ctx.db, actor.orgId, courseId);
  const day = (d: Date | null) => d?.toISOString().slice(0, 10) ?? '';
  const csv = stringify([
    ['Name', 'Email', 'Department', 'Status', 'Reason', 'Reason note', 'Source', 'Enrolled', 'Due', 'Started', 'Completed', 'Expires', 'Progress %', 'Time spent (min)', 'Score %'],
    ...list.map((e) => [
      cell(`${e.firstName} ${e.lastName}`),
      cell(e.email),
      cell(e.department ?? ''),
      e.status,
      reasonLabels[e.reasonType],
      cell(e.reasonNote ?? ''),
      e.source,
      day(e.createdAt),
      day(e.dueAt),
      day(e.startedAt),
      day(e.completedAt),
      day(e.expiresAt),
      e.progress,
      Math.round(e.timeSpentSeconds / 60),
      e.score ?? '',
    ]),
  ]);
  const slug = c.title.toLowerCase().replace(/[^a-z0-9]+/g, '-').replace(/^-|-$/g, '') || 'course';
  return { csv, filename: `enrolments-${slug}-${ctx.clock.now().toISOString().slice(0, 10)}.csv` };
}
