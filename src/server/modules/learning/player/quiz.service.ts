import { randomInt } from 'node:crypto';
import type { AppContext } from '../../../context.ts';
import type { CourseContent, Quiz } from '../../../db/schema/index.ts';
import type { DbOrTx } from '../../../platform/db/index.ts';
import { AppError, conflict, notFound } from '../../../platform/http/errors.ts';
import type { Actor, ActorRef } from '../../../platform/http/types.ts';
import { actorRef, recordChange } from '../../platform/index.ts';
import type { EnrollmentRow } from '../enrollment/index.ts';
import { enrollmentsRepo as enrollments } from '../enrollment/index.ts';
import { bestScores, findQuiz, ownEnrollment, pinned, quizBlocks, settle } from './player.core.ts';
import * as playerRepo from './player.repo.ts';
import { attemptSummary, enrollmentState } from './player.service.ts';
import { requireStepUnlocked } from '../programs/index.ts';
import { drawQuestions, gradeAttempt, publicQuestion, type Answers } from './quiz.grading.ts';
import { mayShowKey, reviewQuestion } from './quiz.review.ts';
import * as repo from './quiz.repo.ts';

/** Network and clock slack after a deadline before an attempt counts as timed out. */
export const DEADLINE_GRACE_MS = 30_000;

const timedOut = (a: repo.AttemptRow, now: Date) => !!a.deadlineAt && now.getTime() > a.deadlineAt.getTime() + DEADLINE_GRACE_MS;

/**
 * Closes an attempt with its grade, completes the quiz's lesson when every quiz in it is passed,
 * and fails the enrolment when the attempts ran out without a pass.
 */
async function close(
  ctx: AppContext,
  tx: DbOrTx,
  by: ActorRef,
  e: EnrollmentRow,
  content: CourseContent,
  quiz: Quiz,
  lessonId: string,
  a: repo.AttemptRow,
  given: Answers,
): Promise<{ attempt: repo.AttemptRow; e: EnrollmentRow }> {
  const now = ctx.clock.now();
  const late = timedOut(a, now);
  const grade = gradeAttempt(quiz, a.questions, given, { timedOut: late });
  const attempt = await repo.closeAttempt(tx, e.orgId, a.id, {
    submittedAt: now,
    answers: grade.answers,
    score: grade.score,
    passed: grade.passed,
    timedOut: late,
    items: grade.items,
  });
  await recordChange(tx, by, {
    action: 'quiz_attempt.submitted',
    recordType: 'quiz_attempt',
    recordId: a.id,
    after: { enrollmentId: e.id, quizId: a.quizId, number: a.number, score: grade.score, passed: grade.passed, timedOut: late },
    event: false,
  });
  const all = await repo.attemptsOf(tx, e.orgId, e.id);
  const passedQuizzes = new Set(all.filter((x) => x.passed).map((x) => x.quizId));
  const lesson = content.sections.flatMap((s) => s.lessons).find((l) => l.id === lessonId);
  if (grade.passed && lesson && quizBlocks(lesson).every((b) => passedQuizzes.has(b.id))) {
    await playerRepo.addLessonProgress(tx, { orgId: e.orgId, enrollmentId: e.id, lessonId, seconds: 0, complete: true, now });
  }
  // Until completion sets the final score, the enrolment shows the mean best score of the quizzes tried so far.
  const best = [...bestScores(all).values()].map((b) => b.score);
  const score = best.length ? Math.round(best.reduce((x, y) => x + y, 0) / best.length) : e.score;
  let after = await enrollments.updateEnrollment(tx, e.orgId, e.id, { lastActivityAt: now, lastLessonId: lessonId, score }, now);
  const used = all.filter((x) => x.quizId === a.quizId).length;
  const exhausted = quiz.attemptsAllowed != null && used >= quiz.attemptsAllowed && !passedQuizzes.has(a.quizId);
  if (exhausted && (after.status === 'in_progress' || after.status === 'not_started')) {
    after = await enrollments.updateEnrollment(tx, e.orgId, e.id, { status: 'failed' }, now);
    await recordChange(tx, by, {
      action: 'enrollment.failed',
      recordType: 'enrollment',
      recordId: e.id,
      before: { status: e.status },
      after: { status: 'failed', quizId: a.quizId },
    });
  }
  return { attempt, e: await settle(ctx, tx, by, { e: after, content }) };
}

type Started = { ok: true; created: boolean; attempt: repo.AttemptRow; quiz: Quiz } | { ok: false; message: string };

/** Starts an attempt, or resumes the open one; refuses once the quiz is passed or the attempts are used up. */
export async function startAttempt(ctx: AppContext, actor: Actor, enrollmentId: string, quizId: string, requestId?: string) {
  const by = actorRef(actor, requestId);
  const r = await ctx.db.transaction(async (tx): Promise<Started> => {
    const p = await pinned(ctx, tx, by, await ownEnrollment(tx, actor, enrollmentId, { lock: true }));
    const found = findQuiz(p.content, quizId);
    if (!found) throw notFound('Quiz');
    const { quiz, lesson } = found;
    if (p.e.status === 'expired') return { ok: false, message: 'This enrolment has expired' };
    const now = ctx.clock.now();
    let attempts = await repo.attemptsOf(tx, actor.orgId, p.e.id, quizId);
    const open = attempts.find((a) => !a.submittedAt);
    if (open && !timedOut(open, now)) return { ok: true, created: false, attempt: open, quiz };
    if (open) {
      // Out of time: closed with nothing scored, then the learner may start again if attempts remain.
      await close(ctx, tx, by, p.e, p.content, quiz, lesson.id, open, {});
      attempts = await repo.attemptsOf(tx, actor.orgId, p.e.id, quizId);
    }
    if (attempts.some((a) => a.passed)) return { ok: false, message: 'You have already passed this quiz' };
    if (quiz.attemptsAllowed != null && attempts.length >= quiz.attemptsAllowed) {
      return { ok: false, message: 'You have used all your attempts at this quiz' };
    }
    const attempt = await repo.insertAttempt(tx, {
      orgId: actor.orgId,
      enrollmentId: p.e.id,
      personId: actor.personId,
      courseId: p.e.courseId!,
      versionId: p.versionId!,
      lessonId: lesson.id,
      quizId,
      number: (attempts.at(-1)?.number ?? 0) + 1,
      questions: drawQuestions(quiz, randomInt),
      startedAt: now,
      deadlineAt: quiz.timeLimitMinutes ? new Date(now.getTime() + quiz.timeLimitMinutes * 60_000) : null,
    });
    await recordChange(tx, by, {
      action: 'quiz_attempt.started',
      recordType: 'quiz_attempt',
      recordId: attempt.id,
      after: { enrollmentId: p.e.id, quizId, number: attempt.number },
      event: false,
    });
    return { ok: true, created: true, attempt, quiz };
  });
  // Refused after the transaction commits, so a timed-out attempt closed on the way stays closed.
  if (!r.ok) throw conflict(r.message);
  const byId = new Map(r.quiz.questions.map((q) => [q.id, q]));
  return {
    created: r.created,
    body: {
      attempt: attemptSummary(r.attempt),
      passMark: r.quiz.passMark,
      questions: r.attempt.questions.flatMap((d) => {
        const q = byId.get(d.questionId);
        return q ? [publicQuestion(q, d)] : [];
      }),
    },
  };
}

/**
 * Grades an attempt exactly once: the enrolment and attempt rows are locked, and a second
 * submit answers with the stored result without grading again. The review carries the key only
 * once the quiz is passed or no attempt is left (`mayShowKey`).
 */
export async function submitAttempt(ctx: AppContext, actor: Actor, attemptId: string, given: Answers, requestId?: string) {
  const by = actorRef(actor, requestId);
  return ctx.db.transaction(async (tx) => {
    const peek = await repo.findAttempt(tx, actor.orgId, attemptId);
    if (!peek || peek.personId !== actor.personId) throw notFound('Quiz attempt');
    // Enrolment first, attempt second: the same order as starting, so the two never deadlock.
    let e = await ownEnrollment(tx, actor, peek.enrollmentId, { lock: true });
    let a = (await repo.findAttemptForUpdate(tx, actor.orgId, attemptId))!;
    const version = await playerRepo.findVersion(tx, actor.orgId, a.versionId);
    const found = version && findQuiz(version.content, a.quizId);
    if (!version || !found) throw new AppError('not_found', 'Quiz not found');
    if (!a.submittedAt) {
      await requireStepUnlocked(ctx, tx, e);
      const closed = await close(ctx, tx, by, e, version.content, found.quiz, a.lessonId, a, given);
      a = closed.attempt;
      e = closed.e;
    }
    const byId = new Map(found.quiz.questions.map((q) => [q.id, q]));
    const items = new Map((a.items ?? []).map((i) => [i.questionId, i]));
    const answers = (a.answers ?? {}) as Answers;
    const keyShown = mayShowKey(found.quiz, await repo.attemptsOf(tx, actor.orgId, e.id, a.quizId));
    return {
      attempt: attemptSummary(a),
      passMark: found.quiz.passMark,
      keyShown,
      questions: a.questions.flatMap((d) => {
        const q = byId.get(d.questionId);
        return q ? [reviewQuestion(q, d, items.get(q.id), answers[q.id], keyShown)] : [];
      }),
      enrollment: await enrollmentState(tx, e),
    };
  });
}
