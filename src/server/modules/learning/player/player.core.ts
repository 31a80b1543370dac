import type { AppContext } from '../../../context.ts';
import type { ContentBlock, CourseContent, Lesson, Quiz } from '../../../db/schema/index.ts';
import type { DbOrTx } from '../../../platform/db/index.ts';
import { conflict, notFound } from '../../../platform/http/errors.ts';
import type { Actor, ActorRef } from '../../../platform/http/types.ts';
import { recordChange } from '../../platform/index.ts';
import { completeEnrollment, type EnrollmentRow } from '../enrollment/index.ts';
import { enrollmentsRepo as enrollments } from '../enrollment/index.ts';
import { requireStepUnlocked } from '../programs/index.ts';
import * as repo from './player.repo.ts';
import * as quizRepo from './quiz.repo.ts';

/** Shared by the player, quiz and reaction use cases: the learner's own course enrolment, pinned to a version. */

export type FlatLesson = { lesson: Lesson; sectionId: string; sectionTitle: string };
export type QuizBlock = Extract<ContentBlock, { type: 'quiz' }>;

export const flatLessons = (content: CourseContent): FlatLesson[] =>
  content.sections.flatMap((s) => s.lessons.map((lesson) => ({ lesson, sectionId: s.id, sectionTitle: s.title })));

export const quizBlocks = (lesson: Lesson): QuizBlock[] => lesson.blocks.filter((b): b is QuizBlock => b.type === 'quiz');

export function findQuiz(content: CourseContent, quizId: string): { lesson: Lesson; quiz: Quiz } | undefined {
  for (const { lesson } of flatLessons(content)) {
    const b = quizBlocks(lesson).find((q) => q.id === quizId);
    if (b) return { lesson, quiz: b.quiz };
  }
  return undefined;
}

/**
 * The player is the learner's alone: anyone else (managers and admins included) gets 404, as
 * for an enrolment that does not exist. Program enrolments have no player of their own.
 */
export async function ownEnrollment(db: DbOrTx, actor: Actor, id: string, opts: { lock?: boolean } = {}): Promise<EnrollmentRow> {
  const e = opts.lock ? await enrollments.findEnrollmentForUpdate(db, actor.orgId, id) : await enrollments.findEnrollment(db, actor.orgId, id);
  if (!e || e.personId !== actor.personId || !e.courseId) throw notFound('Enrollment');
  return e;
}

export type Pinned = {
  e: EnrollmentRow;
  course: NonNullable<Awaited<ReturnType<typeof repo.findCourse>>>;
  content: CourseContent;
  versionId: string | null;
};

/**
 * What opening the player shows, without changing anything: the pinned version, or for an
 * enrolment not opened yet the published one it would be pinned to. GETs read through this.
 */
export async function opened(ctx: AppContext, db: DbOrTx, e: EnrollmentRow): Promise<Pinned> {
  // A course that is a later step of an in-order program stays shut until the earlier steps are done.
  await requireStepUnlocked(ctx, db, e);
  const course = await repo.findCourse(db, e.orgId, e.courseId!);
  if (!course) throw notFound('Course');
  const versionId = e.versionId ?? course.publishedVersionId;
  if (!versionId) {
    if (course.format === 'self_paced') throw conflict('This course has no published version yet');
    return { e, course, content: { sections: [] }, versionId: null };
  }
  const version = await repo.findVersion(db, e.orgId, versionId);
  if (!version) throw notFound('Course version');
  return { e, course, content: version.content, versionId };
}

/**
 * Pins the enrolment to the course's published version at first open, so later publications do
 * not move the ground under a learner mid-course, and starts a self-paced one. Idempotent: once
 * pinned and started it writes nothing. Only POSTs call it (the row is locked by the caller).
 */
export async function pinned(ctx: AppContext, tx: DbOrTx, by: ActorRef, e: EnrollmentRow): Promise<Pinned> {
  const p = await opened(ctx, tx, e);
  const starts = e.status === 'not_started' && p.course.format === 'self_paced';
  if (!p.versionId || (e.versionId && !starts)) return p;
  const now = ctx.clock.now();
  const patch: enrollments.EnrollmentPatch = { versionId: p.versionId };
  if (starts) Object.assign(patch, { status: 'in_progress', startedAt: e.startedAt ?? now, lastActivityAt: now });
  const after = await enrollments.updateEnrollment(tx, e.orgId, e.id, patch, now);
  await recordChange(tx, by, {
    action: 'enrollment.started',
    recordType: 'enrollment',
    recordId: e.id,
    before: { status: e.status, versionId: e.versionId },
    after: { status: after.status, versionId: p.versionId },
    event: false,
  });
  return { ...p, e: after };
}

/** Best submitted score per quiz id. */
export function bestScores(attempts: quizRepo.AttemptRow[]): Map<string, { score: number; passed: boolean }> {
  const best = new Map<string, { score: number; passed: boolean }>();
  for (const a of attempts) {
    if (!a.submittedAt) continue;
    const prev = best.get(a.quizId);
    const cur = { score: a.score ?? 0, passed: !!a.passed || !!prev?.passed };
    if (!prev || cur.score > prev.score) best.set(a.quizId, cur);
    else if (cur.passed) prev.passed = true;
  }
  return best;
}

/**
 * Recomputes progress from the lessons completed; all of them complete the enrolment with the
 * mean of the best quiz scores. Completed and failed enrolments keep their status.
 */
export async function settle(ctx: AppContext, tx: DbOrTx, by: ActorRef, p: Pick<Pinned, 'e' | 'content'>): Promise<EnrollmentRow> {
  const { e, content } = p;
  if (e.status === 'completed' || e.status === 'expired') return e;
  const lessons = flatLessons(content);
  if (!lessons.length) return e;
  const done = new Set((await repo.lessonProgressOf(tx, e.orgId, e.id)).filter((l) => l.completedAt).map((l) => l.lessonId));
  const count = lessons.filter((l) => done.has(l.lesson.id)).length;
  const progress = Math.round((count / lessons.length) * 100);
  if (count === lessons.length && e.status !== 'failed') {
    const best = bestScores(await quizRepo.attemptsOf(tx, e.orgId, e.id));
    const quizIds = lessons.flatMap((l) => quizBlocks(l.lesson).map((b) => b.id));
    const scores = quizIds.map((id) => best.get(id)?.score ?? 0);
    const score = scores.length ? Math.round(scores.reduce((a, b) => a + b, 0) / scores.length) : null;
    return completeEnrollment(ctx, tx, by, e, { score });
  }
  if (progress === e.progress) return e;
  return enrollments.updateEnrollment(tx, e.orgId, e.id, { progress }, ctx.clock.now());
}
