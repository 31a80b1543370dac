import { and, eq } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { auditEvent, enrollment } from '../../src/server/db/schema/index.ts';
import { drawQuestions, gradeAttempt, normalizeAnswer } from '../../src/server/modules/learning/player/quiz.grading.ts';
import { createTestApp } from '../support/app.ts';
import { signInAs, type Output, type Res } from '../support/client.ts';
import { createOrg, createUser } from '../support/factories.ts';
import { createPublishedCourse, enrollPeople, sampleAnswers, sampleContent, sampleQuiz, takeSampleCourse } from '../support/learning.ts';

const ALL_RIGHT = { q1: 'q1a', q2: ['q2b', 'q2a'], q3: 'q3f', q4: '  Multi-Factor   AUTHENTICATION ' };
const ALL_WRONG = { q1: 'q1b', q2: ['q2a'], q3: 'q3t', q4: 'password' };

/** The quiz block of a lesson's first block (l3 of the sample course is its quiz). */
function quizOf(lesson: Res<Output<'/enrollments/:id/lessons/:lessonId'>>) {
  const block = lesson.body.blocks[0]!;
  if (block.type !== 'quiz') throw new Error(`not a quiz block: ${block.type}`);
  return block.quiz;
}

describe('quiz grading (pure)', () => {
  const quiz = sampleQuiz();
  const drawn = drawQuestions(quiz, () => 0);

  it('grades each kind exactly', () => {
    const g = gradeAttempt(quiz, drawn, ALL_RIGHT);
    expect(g.items.map((i) => i.correct)).toEqual([true, true, true, true]);
    expect(g).toMatchObject({ score: 100, passed: true });
    const w = gradeAttempt(quiz, drawn, ALL_WRONG);
    expect(w.items.map((i) => i.correct)).toEqual([false, false, false, false]);
    expect(w).toMatchObject({ score: 0, passed: false });
  });

  it('counts foreign or repeated option ids as wrong and ignores answers to questions not drawn', () => {
    const g = gradeAttempt(quiz, drawn, { q1: 'q2a', q2: ['q2a', 'q2b', 'q1a'], q3: ['q3f'] as any, q9: 'x' });
    expect(g.items.map((i) => i.correct)).toEqual([false, false, false, false]);
    expect(g.answers).not.toHaveProperty('q9');
    expect(gradeAttempt(quiz, drawn, { q2: ['q2a', 'q2a', 'q2b'] }).items[1]!.correct).toBe(false);
  });

  it('scores a timed-out attempt as nothing', () => {
    const g = gradeAttempt(quiz, drawn, ALL_RIGHT, { timedOut: true });
    expect(g).toMatchObject({ score: 0, passed: false, answers: {} });
  });

  it('weights by points and passes at the pass mark', () => {
    const q = sampleQuiz({ passMark: 80 });
    q.questions[0]!.points = 2;
    const d = drawQuestions(q, () => 0);
    expect(gradeAttempt(q, d, { q1: 'q1a', q2: ['q2a', 'q2b'], q3: 'q3f' })).toMatchObject({ score: 80, passed: true });
  });

  it('draws drawCount questions, shuffling questions and options only when asked', () => {
    let seed = 7;
    const rng = (n: number) => (seed = (seed * 1103515245 + 12345) % 2 ** 31) % n;
    const q = sampleQuiz({ drawCount: 2, shuffleOptions: true, shuffleQuestions: true });
    for (let i = 0; i < 20; i++) {
      const d = drawQuestions(q, rng);
      expect(d).toHaveLength(2);
      expect(new Set(d.map((x) => x.questionId)).size).toBe(2);
      for (const x of d) expect([...x.optionOrder].sort()).toEqual(q.questions.find((y) => y.id === x.questionId)!.options.map((o) => o.id).sort());
    }
    const plain = drawQuestions(sampleQuiz(), rng);
    expect(plain.map((x) => x.questionId)).toEqual(['q1', 'q2', 'q3', 'q4']);
    expect(plain[1]!.optionOrder).toEqual(['q2a', 'q2b', 'q2c']);
    expect(normalizeAnswer('  A \n b ')).toBe('a b');
  });
});

async function setup(quizOverrides = {}) {
  const t = await createTestApp();
  const org = await createOrg(t);
  const learner = await createUser(t, org.id);
  const { course } = await createPublishedCourse(t, org.id, { content: sampleContent(sampleQuiz(quizOverrides)) });
  const [e] = await enrollPeople(t, org.id, { courseId: course.id }, [learner.person.id]);
  const me = await signInAs(t, learner);
  return { t, org, learner, me, enrollmentId: e!.id };
}

describe('quiz attempts', () => {
  it('starts an attempt without the key, resumes it instead of starting a second, and records the draw', async () => {
    const { me, enrollmentId } = await setup({ drawCount: 3, shuffleQuestions: true, shuffleOptions: true });
    const a = await me.post(`enrollments/${enrollmentId}/quizzes/quiz1/attempts`);
    expect(a.status).toBe(201);
    expect(a.body.questions).toHaveLength(3);
    const raw = JSON.stringify(a.body);
    for (const secret of ['"correct"', 'acceptedAnswers', 'feedback', 'multi-factor']) expect(raw).not.toContain(secret);
    const again = await me.post(`enrollments/${enrollmentId}/quizzes/quiz1/attempts`);
    expect(again.status).toBe(200);
    expect(again.body.attempt.id).toBe(a.body.attempt.id);
    expect(again.body.questions).toEqual(a.body.questions);
    expect((await me.post(`enrollments/${enrollmentId}/quizzes/nope/attempts`)).status).toBe(404);
  });

  it('grades a submission once: a second submit returns the stored result, also when concurrent', async () => {
    const { t, org, me, enrollmentId } = await setup();
    const a = await me.post(`enrollments/${enrollmentId}/quizzes/quiz1/attempts`);
    const [r1, r2] = await Promise.all([
      me.post(`quiz-attempts/${a.body.attempt.id}/submit`, { answers: ALL_WRONG }),
      me.post(`quiz-attempts/${a.body.attempt.id}/submit`, { answers: ALL_RIGHT }),
    ]);
    expect([r1.status, r2.status]).toEqual([200, 200]);
    expect(r1.body.attempt.score).toBe(r2.body.attempt.score);
    const later = await me.post(`quiz-attempts/${a.body.attempt.id}/submit`, { answers: ALL_RIGHT });
    expect(later.body.attempt).toEqual(r1.body.attempt);
    const graded = await t.ctx.db
      .select()
      .from(auditEvent)
      .where(and(eq(auditEvent.orgId, org.id), eq(auditEvent.action, 'quiz_attempt.submitted')));
    expect(graded).toHaveLength(1);
  });

  it('grades only the drawn questions, ignoring altered question ids', async () => {
    const { me, enrollmentId } = await setup();
    const a = await me.post(`enrollments/${enrollmentId}/quizzes/quiz1/attempts`);
    const r = await me.post(`quiz-attempts/${a.body.attempt.id}/submit`, { answers: { ...ALL_WRONG, q1: 'q2a', injected: 'q1a' } });
    expect(r.body.attempt).toMatchObject({ score: 0, passed: false, number: 1 });
    expect(r.body.questions.map((q: any) => q.id)).toEqual(['q1', 'q2', 'q3', 'q4']);
    expect(r.body.questions[0]).toMatchObject({ correct: false, answer: 'q2a' });
  });

  it('withholds the key after a failed attempt while attempts remain, and gives it once the quiz is passed', async () => {
    const { me, enrollmentId } = await setup();
    const a1 = await me.post(`enrollments/${enrollmentId}/quizzes/quiz1/attempts`);
    const failed = await me.post(`quiz-attempts/${a1.body.attempt.id}/submit`, { answers: { ...ALL_WRONG, q2: ['q2a', 'q2b'] } });
    expect(failed.status).toBe(200);
    expect(failed.body.keyShown).toBe(false);
    // Right or wrong per question, and the learner's own choices…
    expect(failed.body.questions.map((q: any) => q.correct)).toEqual([false, true, false, false]);
    expect(failed.body.questions[0]!.options.find((o: any) => o.id === 'q1b')).toMatchObject({ selected: true, correct: null, feedback: null });
    // …but not which options were right, the accepted answers or feedback that names them.
    for (const q of failed.body.questions) {
      expect(q.options.every((o: any) => o.correct === null && o.feedback === null)).toBe(true);
      expect(q.acceptedAnswers).toEqual([]);
    }
    const raw = JSON.stringify(failed.body);
    for (const secret of ['multi-factor', 'reporting lets security', 'That spreads it']) expect(raw).not.toContain(secret);
    // Reviewing the attempt again (a repeated submit) tells no more.
    const review = await me.post(`quiz-attempts/${a1.body.attempt.id}/submit`, { answers: {} });
    expect(review.body).toEqual(failed.body);

    const a2 = await me.post(`enrollments/${enrollmentId}/quizzes/quiz1/attempts`);
    // While the second attempt is open, the first one's review still holds no key.
    expect((await me.post(`quiz-attempts/${a1.body.attempt.id}/submit`, { answers: {} })).body.keyShown).toBe(false);
    const passed = await me.post(`quiz-attempts/${a2.body.attempt.id}/submit`, { answers: ALL_RIGHT });
    expect(passed.body).toMatchObject({ keyShown: true, attempt: { passed: true } });
    expect(passed.body.questions[3]!.acceptedAnswers).toContain('multi-factor authentication');
    // Passed: the failed attempt's review now shows what was right, with the feedback.
    const first = (await me.post(`quiz-attempts/${a1.body.attempt.id}/submit`, { answers: {} })).body;
    expect(first.keyShown).toBe(true);
    expect(first.questions[0]!.options.find((o: any) => o.id === 'q1a')).toMatchObject({ correct: true, selected: false, feedback: 'Yes: reporting lets security warn others.' });
  });

  it('gives the key once the last attempt is used up without a pass', async () => {
    const { me, enrollmentId } = await setup({ attemptsAllowed: 2 });
    const reviews = [];
    for (let i = 0; i < 2; i++) {
      const a = await me.post(`enrollments/${enrollmentId}/quizzes/quiz1/attempts`);
      reviews.push((await me.post(`quiz-attempts/${a.body.attempt.id}/submit`, { answers: ALL_WRONG })).body);
    }
    expect(reviews.map((r) => r.keyShown)).toEqual([false, true]);
    expect(reviews[1]!.questions[0]!.options.find((o: any) => o.id === 'q1a')!.correct).toBe(true);
  });

  it('fails the enrolment when the attempts are used up, and refuses another (409)', async () => {
    const { t, me, enrollmentId } = await setup({ attemptsAllowed: 2 });
    for (let i = 0; i < 2; i++) {
      const a = await me.post(`enrollments/${enrollmentId}/quizzes/quiz1/attempts`);
      expect(a.status).toBe(201);
      await me.post(`quiz-attempts/${a.body.attempt.id}/submit`, { answers: ALL_WRONG });
    }
    const refused = await me.post(`enrollments/${enrollmentId}/quizzes/quiz1/attempts`);
    expect(refused.status).toBe(409);
    const [row] = await t.ctx.db.select().from(enrollment).where(eq(enrollment.id, enrollmentId));
    expect(row!.status).toBe('failed');
    expect(row!.score).toBe(0);
    const quiz = quizOf(await me.get(`enrollments/${enrollmentId}/lessons/l3`));
    expect(quiz).toMatchObject({ attemptsUsed: 2, passed: false });
    expect(quiz.attempts.map((x) => x.score)).toEqual([0, 0]);
  });

  it('fails then passes; refuses a new attempt once passed', async () => {
    const { me, enrollmentId } = await setup();
    const a1 = await me.post(`enrollments/${enrollmentId}/quizzes/quiz1/attempts`);
    await me.post(`quiz-attempts/${a1.body.attempt.id}/submit`, { answers: ALL_WRONG });
    const a2 = await me.post(`enrollments/${enrollmentId}/quizzes/quiz1/attempts`);
    expect(a2.body.attempt.number).toBe(2);
    const r = await me.post(`quiz-attempts/${a2.body.attempt.id}/submit`, { answers: ALL_RIGHT });
    expect(r.body.attempt).toMatchObject({ score: 100, passed: true });
    expect(r.body.enrollment).toMatchObject({ progress: 33, score: 100, status: 'in_progress' });
    expect((await me.post(`enrollments/${enrollmentId}/quizzes/quiz1/attempts`)).status).toBe(409);
  });

  it('closes an attempt submitted after its deadline (30 s grace) as timed out with nothing scored', async () => {
    const { t, me, enrollmentId } = await setup({ timeLimitMinutes: 5 });
    const a = await me.post(`enrollments/${enrollmentId}/quizzes/quiz1/attempts`);
    expect(a.body.attempt.deadlineAt).toBe(new Date(t.clock.now().getTime() + 300_000).toISOString());
    t.clock.advance(5 * 60_000 + 20_000);
    const inGrace = await me.post(`enrollments/${enrollmentId}/quizzes/quiz1/attempts`);
    expect(inGrace.body.attempt.id).toBe(a.body.attempt.id);

    t.clock.advance(15_000);
    const late = await me.post(`quiz-attempts/${a.body.attempt.id}/submit`, { answers: ALL_RIGHT });
    expect(late.status).toBe(200);
    expect(late.body.attempt).toMatchObject({ score: 0, passed: false, timedOut: true });
  });

  it('closes an expired open attempt when the learner starts again', async () => {
    const { t, me, enrollmentId } = await setup({ timeLimitMinutes: 1 });
    const a = await me.post(`enrollments/${enrollmentId}/quizzes/quiz1/attempts`);
    t.clock.advance(10 * 60_000);
    const b = await me.post(`enrollments/${enrollmentId}/quizzes/quiz1/attempts`);
    expect(b.status).toBe(201);
    expect(b.body.attempt.number).toBe(2);
    const quiz = quizOf(await me.get(`enrollments/${enrollmentId}/lessons/l3`));
    expect(quiz.attempts[0]).toMatchObject({ id: a.body.attempt.id, timedOut: true, score: 0 });
  });

  it('answers 404 for another learner’s attempt and 400 for malformed answers', async () => {
    const { t, org, me, enrollmentId } = await setup();
    const a = await me.post(`enrollments/${enrollmentId}/quizzes/quiz1/attempts`);
    const other = await signInAs(t, await createUser(t, org.id, { roles: ['admin'] }));
    expect((await other.post(`quiz-attempts/${a.body.attempt.id}/submit`, { answers: ALL_RIGHT })).status).toBe(404);
    const bad = await me.raw.post(`quiz-attempts/${a.body.attempt.id}/submit`, { answers: { q1: 3 } });
    expect(bad.status).toBe(400);
    expect(bad.body.error.code).toBe('validation_failed');
    expect((await me.raw.post(`quiz-attempts/${a.body.attempt.id}/submit`, {})).status).toBe(400);
  });
});

describe('the test helper for other suites', () => {
  it('takes a learner through the sample course', async () => {
    const { me, enrollmentId } = await setup();
    const failed = await takeSampleCourse(me, enrollmentId, sampleAnswers.wrong);
    expect(failed.attempt.passed).toBe(false);
    const passed = await takeSampleCourse(me, enrollmentId);
    expect(passed.enrollment).toMatchObject({ status: 'completed', score: 100 });
  });
});
