import type { AppContext } from '../../../context.ts';
import { iso } from '../../../platform/db/sql.ts';
import type { ContentBlock } from '../../../db/schema/index.ts';
import type { DbOrTx } from '../../../platform/db/index.ts';
import { conflict, notFound } from '../../../platform/http/errors.ts';
import type { Actor } from '../../../platform/http/types.ts';
import { actorRef, recordChange } from '../../platform/index.ts';
import { completeEnrollment, type EnrollmentRow } from '../enrollment/index.ts';
import { enrollmentsRepo as enrollments } from '../enrollment/index.ts';
import { learningFileUrl } from '../authoring/index.ts';
import { countableSeconds } from './lesson-time.ts';
import { flatLessons, opened, ownEnrollment, pinned, quizBlocks, settle, type Pinned } from './player.core.ts';
import * as repo from './player.repo.ts';
import * as quizRepo from './quiz.repo.ts';
import { findReaction } from './reactions.repo.ts';


export async function enrollmentState(db: DbOrTx, e: EnrollmentRow) {
  return {
    id: e.id,
    status: e.status,
    progress: e.progress,
    score: e.score,
    timeSpentSeconds: e.timeSpentSeconds,
    lastLessonId: e.lastLessonId,
    startedAt: iso(e.startedAt),
    completedAt: iso(e.completedAt),
    dueAt: iso(e.dueAt),
    expiresAt: iso(e.expiresAt),
    certificateId: e.status === 'completed' ? await repo.certificateIdOf(db, e.orgId, e.id) : null,
  };
}

export const attemptSummary = (a: quizRepo.AttemptRow) => ({
  id: a.id,
  quizId: a.quizId,
  number: a.number,
  startedAt: a.startedAt.toISOString(),
  deadlineAt: iso(a.deadlineAt),
  submittedAt: iso(a.submittedAt),
  score: a.score,
  passed: a.passed,
  timedOut: a.timedOut,
});

/**
 * Opening the player, as the web player does before it reads: starts the enrolment and pins its
 * version. Repeating it changes nothing (one `enrollment.started` audit at most).
 */
export async function startEnrollment(ctx: AppContext, actor: Actor, id: string, requestId?: string) {
  return ctx.db.transaction(async (tx) => {
    const p = await pinned(ctx, tx, actorRef(actor, requestId), await ownEnrollment(tx, actor, id, { lock: true }));
    return enrollmentState(tx, p.e);
  });
}

/** A read: for an enrolment not started yet it shows the version it would pin, and changes nothing. */
export async function getPlayer(ctx: AppContext, actor: Actor, id: string) {
  const db = ctx.db;
  const p = await opened(ctx, db, await ownEnrollment(db, actor, id));
  const progress = await repo.lessonProgressOf(db, actor.orgId, p.e.id);
  const done = new Set(progress.filter((l) => l.completedAt).map((l) => l.lessonId));
  const lessons = flatLessons(p.content);
  const reaction = await findReaction(db, actor.orgId, p.e.id);
  const resume =
    lessons.find((l) => l.lesson.id === p.e.lastLessonId && !done.has(l.lesson.id))?.lesson.id ??
    lessons.find((l) => !done.has(l.lesson.id))?.lesson.id ??
    p.e.lastLessonId ??
    lessons[0]?.lesson.id ??
    null;
  return {
    enrollment: await enrollmentState(db, p.e),
    course: {
      id: p.course.id,
      title: p.course.title,
      format: p.course.format,
      externalUrl: p.course.externalUrl,
      estimatedMinutes: p.course.estimatedMinutes,
      versionId: p.versionId,
    },
    outline: p.content.sections.map((s) => ({
      id: s.id,
      title: s.title,
      lessons: s.lessons.map((l) => ({
        id: l.id,
        title: l.title,
        estimatedMinutes: l.estimatedMinutes ?? null,
        hasQuiz: quizBlocks(l).length > 0,
        completed: done.has(l.id),
      })),
    })),
    resumeLessonId: resume,
    reaction: reaction
      ? { relevance: reaction.relevance, confidence: reaction.confidence, intentToApply: reaction.intentToApply, comment: reaction.comment }
      : null,
  };
}

function blockView(b: ContentBlock, attempts: quizRepo.AttemptRow[]) {
  switch (b.type) {
    case 'text':
      return { id: b.id, type: b.type, doc: b.doc };
    case 'video':
      return b.source === 'file'
        ? { id: b.id, type: b.type, source: b.source, url: learningFileUrl(b.fileId), captionsUrl: b.captionsFileId ? learningFileUrl(b.captionsFileId) : null, title: b.title ?? null }
        : { id: b.id, type: b.type, source: b.source, url: b.url, captionsUrl: null, title: b.title ?? null };
    case 'file':
      return { id: b.id, type: b.type, url: learningFileUrl(b.fileId), label: b.label ?? null };
    case 'embed':
      return { id: b.id, type: b.type, url: b.url, title: b.title, height: b.height ?? null };
    case 'quiz': {
      // Settings and the learner's own attempts only: never the questions or their key.
      const mine = attempts.filter((a) => a.quizId === b.id);
      const q = b.quiz;
      return {
        id: b.id,
        type: b.type,
        quiz: {
          passMark: q.passMark,
          attemptsAllowed: q.attemptsAllowed,
          timeLimitMinutes: q.timeLimitMinutes,
          questionCount: q.drawCount == null ? q.questions.length : Math.min(q.drawCount, q.questions.length),
          attemptsUsed: mine.length,
          passed: mine.some((a) => a.passed),
          openAttemptId: mine.find((a) => !a.submittedAt)?.id ?? null,
          attempts: mine.map(attemptSummary),
        },
      };
    }
  }
}

async function lessonView(db: DbOrTx, p: Pinned, lessonId: string) {
  const lessons = flatLessons(p.content);
  const i = lessons.findIndex((l) => l.lesson.id === lessonId);
  if (i < 0) throw notFound('Lesson');
  const { lesson, sectionId, sectionTitle } = lessons[i]!;
  const attempts = await quizRepo.attemptsOf(db, p.e.orgId, p.e.id);
  const progress = (await repo.lessonProgressOf(db, p.e.orgId, p.e.id)).find((l) => l.lessonId === lessonId);
  return {
    id: lesson.id,
    title: lesson.title,
    sectionId,
    sectionTitle,
    estimatedMinutes: lesson.estimatedMinutes ?? null,
    position: i + 1,
    lessonCount: lessons.length,
    previousLessonId: lessons[i - 1]?.lesson.id ?? null,
    nextLessonId: lessons[i + 1]?.lesson.id ?? null,
    completed: !!progress?.completedAt,
    timeSpentSeconds: progress?.timeSpentSeconds ?? 0,
    blocks: lesson.blocks.map((b) => blockView(b, attempts)),
  };
}

export async function getLesson(ctx: AppContext, actor: Actor, id: string, lessonId: string) {
  const p = await opened(ctx, ctx.db, await ownEnrollment(ctx.db, actor, id));
  return lessonView(ctx.db, p, lessonId);
}

export async function reportProgress(
  ctx: AppContext,
  actor: Actor,
  id: string,
  lessonId: string,
  input: { timeSpentSeconds: number; completed?: boolean },
  requestId?: string,
) {
  const by = actorRef(actor, requestId);
  return ctx.db.transaction(async (tx) => {
    const p = await pinned(ctx, tx, by, await ownEnrollment(tx, actor, id, { lock: true }));
    const lesson = flatLessons(p.content).find((l) => l.lesson.id === lessonId)?.lesson;
    if (!lesson) throw notFound('Lesson');
    const hasQuiz = quizBlocks(lesson).length > 0;
    if (input.completed && hasQuiz) throw conflict('Pass the quiz to complete this lesson');
    const now = ctx.clock.now();
    const counted = await repo.lastTimeCountedAt(tx, actor.orgId, p.e.id);
    const since = [p.e.startedAt, counted].reduce<Date | null>((a, b) => (b && (!a || b > a) ? b : a), null);
    const seconds = countableSeconds({ reported: input.timeSpentSeconds, now, since });
    const row = await repo.addLessonProgress(tx, { orgId: actor.orgId, enrollmentId: p.e.id, lessonId, seconds, complete: !!input.completed, now });
    const e = await enrollments.updateEnrollment(
      tx,
      actor.orgId,
      p.e.id,
      { timeSpentSeconds: p.e.timeSpentSeconds + seconds, lastLessonId: lessonId, lastActivityAt: now },
      now,
    );
    await recordChange(tx, by, {
      action: 'enrollment.progressed',
      recordType: 'enrollment',
      recordId: e.id,
      after: { lessonId, seconds, reportedSeconds: input.timeSpentSeconds, completed: !!row.completedAt },
      event: false,
    });
    const settled = await settle(ctx, tx, by, { ...p, e });
    return { lessonId, completed: !!row.completedAt, timeSpentSeconds: row.timeSpentSeconds, enrollment: await enrollmentState(tx, settled) };
  });
}

/** External courses happen elsewhere: the learner says when they are done. Repeating is harmless. */
export async function completeExternal(ctx: AppContext, actor: Actor, id: string, requestId?: string) {
  const by = actorRef(actor, requestId);
  return ctx.db.transaction(async (tx) => {
    const e = await ownEnrollment(tx, actor, id, { lock: true });
    const course = await repo.findCourse(tx, actor.orgId, e.courseId!);
    if (!course) throw notFound('Course');
    if (course.format !== 'external') {
      throw conflict(course.format === 'live' ? 'Live courses complete when your attendance is recorded' : 'Complete the lessons to finish this course');
    }
    if (e.status === 'expired') throw conflict('This enrolment has expired');
    const after = e.status === 'completed' ? e : await completeEnrollment(ctx, tx, by, e);
    return enrollmentState(tx, after);
  });
}
