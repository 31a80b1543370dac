import { eq } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import { courseReaction, enrollment, quizAttempt } from '../../src/server/db/schema/index.ts';
import { completeEnrollment } from '../../src/server/modules/learning/index.ts';
import { systemRef } from '../../src/server/modules/platform/index.ts';
import { createTestApp, type TestApp } from '../support/app.ts';
import { signInAs } from '../support/client.ts';
import { createDepartment, createOrg, createPerson, createUser } from '../support/factories.ts';
import { createPublishedCourse, enrollPeople } from '../support/learning.ts';

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
});

const DAY = 86_400_000;

async function setup() {
  const org = await createOrg(t);
  const adminUser = await createUser(t, org.id, { roles: ['learning_admin'] });
  const empUser = await createUser(t, org.id);
  return { org, admin: await signInAs(t, adminUser), emp: await signInAs(t, empUser) };
}

async function complete(orgId: string, id: string) {
  const [e] = await t.ctx.db.select().from(enrollment).where(eq(enrollment.id, id));
  await t.ctx.db.transaction((tx) => completeEnrollment(t.ctx, tx, systemRef(orgId, 'test'), e!));
}

/** Six graded attempts of the sample quiz: q1 always right, q3 right only for the strongest. */
async function addAttempts(orgId: string, courseId: string, versionId: string, enrollmentId: string, personId: string) {
  const patterns = [
    [true, true, true, true],
    [true, true, false, true],
    [true, true, false, false],
    [true, false, false, false],
    [true, false, false, false],
    [true, false, false, true],
  ];
  await t.ctx.db.insert(quizAttempt).values(
    patterns.map((p, i) => {
      const items = p.map((correct, j) => ({ questionId: `q${j + 1}`, correct, earned: correct ? 1 : 0, possible: 1 }));
      const score = Math.round((p.filter(Boolean).length / 4) * 100);
      return {
        orgId,
        enrollmentId,
        personId,
        courseId,
        versionId,
        lessonId: 'l3',
        quizId: 'quiz1',
        number: i + 1,
        questions: items.map((x) => ({ questionId: x.questionId, optionOrder: [] })),
        startedAt: t.clock.now(),
        submittedAt: t.clock.now(),
        score,
        passed: score >= 75,
        items,
      };
    }),
  );
}

describe('course reports', () => {
  it('lists courses with enrolment, completion, overdue, time and reaction figures; searchable and paginated', async () => {
    const { org, admin } = await setup();
    const { course } = await createPublishedCourse(t, org.id, { title: 'Giving feedback' });
    await createPublishedCourse(t, org.id, { title: 'Negotiation basics' });
    await createPublishedCourse(t, org.id, { title: 'Data literacy' });
    const people = await Promise.all([1, 2, 3, 4].map(() => createPerson(t, org.id)));
    const made = await enrollPeople(t, org.id, { courseId: course.id }, people.map((p) => p.id));
    await complete(org.id, made[0]!.id);
    await t.ctx.db.update(enrollment).set({ timeSpentSeconds: 600 }).where(eq(enrollment.id, made[0]!.id));
    await t.ctx.db.update(enrollment).set({ timeSpentSeconds: 1800, status: 'in_progress' }).where(eq(enrollment.id, made[1]!.id));
    await t.ctx.db.update(enrollment).set({ dueAt: new Date(t.clock.now().getTime() - DAY) }).where(eq(enrollment.id, made[2]!.id));
    await t.ctx.db.insert(courseReaction).values({
      orgId: org.id,
      enrollmentId: made[0]!.id,
      courseId: course.id,
      personId: people[0]!.id,
      relevance: 5,
      confidence: 4,
      intentToApply: 3,
    });

    const res = await admin.get('reports/courses?q=feedback');
    expect(res.status).toBe(200);
    expect(res.body.data).toEqual([
      {
        courseId: course.id,
        title: 'Giving feedback',
        status: 'published',
        format: 'self_paced',
        enrolled: 4,
        completed: 1,
        completionRate: 25,
        overdue: 1,
        meanTimeSpentMinutes: 20,
        meanReaction: 4,
        reactions: 1,
      },
    ]);

    const first = await admin.get('reports/courses?limit=2');
    expect(first.body.data.map((c: { title: string }) => c.title)).toEqual(['Data literacy', 'Giving feedback']);
    const second = await admin.get(`reports/courses?limit=2&cursor=${first.body.nextCursor}`);
    expect(second.body.data.map((c: { title: string }) => c.title)).toEqual(['Negotiation basics']);
    expect(second.body.nextCursor).toBeNull();
    expect(second.body.data[0]).toMatchObject({ enrolled: 0, completionRate: null, meanTimeSpentMinutes: null, meanReaction: null });

    expect((await admin.get('reports/courses?limit=0')).status).toBe(400);
    expect((await admin.get('reports/courses?status=gone')).status).toBe(400);
  });

  it('reports one course: statuses, reasons, time, quiz item analysis and reactions; CSV of enrolments', async () => {
    const { org, admin } = await setup();
    const dept = await createDepartment(t, org.id, 'Sales');
    const { course, version } = await createPublishedCourse(t, org.id, { title: 'Security awareness' });
    const a = await createPerson(t, org.id, { firstName: 'Ada', lastName: 'Alder', departmentId: dept.id });
    const b = await createPerson(t, org.id, { firstName: 'Ben', lastName: 'Birch' });
    const c = await createPerson(t, org.id, { firstName: '=cmd', lastName: 'Cedar' });
    const [ea] = await enrollPeople(t, org.id, { courseId: course.id }, [a.id], { reasonType: 'compliance' });
    const [eb] = await enrollPeople(t, org.id, { courseId: course.id }, [b.id], { reasonType: 'skill_gap' });
    await enrollPeople(t, org.id, { courseId: course.id }, [c.id], { reasonType: 'skill_gap' });
    await complete(org.id, ea!.id);
    for (const [id, s] of [[ea!.id, 300], [eb!.id, 900]] as const) {
      await t.ctx.db.update(enrollment).set({ timeSpentSeconds: s }).where(eq(enrollment.id, id));
    }
    await addAttempts(org.id, course.id, version.id, eb!.id, b.id);
    await t.ctx.db.insert(courseReaction).values([
      { orgId: org.id, enrollmentId: ea!.id, courseId: course.id, personId: a.id, relevance: 5, confidence: 4, intentToApply: 4, comment: 'Useful examples' },
      { orgId: org.id, enrollmentId: eb!.id, courseId: course.id, personId: b.id, relevance: 3, confidence: 3, intentToApply: 2, comment: '  ' },
    ]);

    const res = await admin.get(`reports/courses/${course.id}`);
    expect(res.status).toBe(200);
    const r = res.body;
    expect(r).toMatchObject({ course: { id: course.id, title: 'Security awareness' }, enrolled: 3, completed: 1, completionRate: 33.3, overdue: 0 });
    expect(r.byStatus).toEqual([
      { status: 'completed', count: 1 },
      { status: 'not_started', count: 2 },
    ]);
    expect(r.byReason).toEqual([
      { reasonType: 'skill_gap', count: 2, completed: 0 },
      { reasonType: 'compliance', count: 1, completed: 1 },
    ]);
    expect(r.timeSpent).toEqual({ count: 2, meanMinutes: 10, medianMinutes: 10 });

    expect(r.quizzes).toHaveLength(1);
    const quiz = r.quizzes[0];
    expect(quiz).toMatchObject({ quizId: 'quiz1', lessonId: 'l3', lessonTitle: 'Quiz', attempts: 6, passRate: 33.3 });
    const items = Object.fromEntries(quiz.items.map((i: { questionId: string }) => [i.questionId, i]));
    expect(items.q1).toMatchObject({ prompt: 'What should you do with a suspicious email?', kind: 'single', difficulty: 1, discrimination: null, flags: ['too_easy'] });
    expect(items.q3.flags).toContain('too_hard');
    expect(items.q2.discrimination).toBeGreaterThan(0.5);

    expect(r.reactions).toMatchObject({ count: 2, relevance: 4, confidence: 3.5, intentToApply: 3 });
    expect(r.reactions.comments.map((x: { comment: string }) => x.comment)).toEqual(['Useful examples']);

    const csv = await admin.get(`reports/courses/${course.id}.csv`);
    expect(csv.status).toBe(200);
    expect(csv.headers.get('content-type')).toContain('text/csv');
    expect(csv.headers.get('content-disposition')).toMatch(/attachment; filename="enrolments-security-awareness-\d{4}-\d{2}-\d{2}\.csv"/);
    const lines = (csv.body as string).trim().split('\n');
    expect(lines[0]).toMatch(/^Name,Email,Department,Status,Reason,/);
    expect(lines).toHaveLength(4);
    expect(lines[1]).toMatch(/^Ada Alder,.*,Sales,completed,Required for compliance,/);
    // A name that a spreadsheet would run as a formula is defused.
    expect(lines[3]).toMatch(/^'=cmd Cedar,/);
  });

  it('analyses attempts that learners really submitted through the player', async () => {
    const { org, admin } = await setup();
    const { course } = await createPublishedCourse(t, org.id, { title: 'Phishing' });
    const right = { q1: 'q1a', q2: ['q2a', 'q2b'], q3: 'q3f', q4: 'multi-factor authentication' };
    const wrong = { q1: 'q1b', q2: ['q2a'], q3: 'q3t', q4: 'password' };
    // Learner i gets the first 4 - i questions right (learner 4 none), plus q1 always.
    for (let i = 0; i < 5; i++) {
      const user = await createUser(t, org.id);
      const [e] = await enrollPeople(t, org.id, { courseId: course.id }, [user.person.id]);
      const me = await signInAs(t, user);
      const a = await me.post(`enrollments/${e!.id}/quizzes/quiz1/attempts`);
      expect(a.status).toBeLessThan(300);
      const answers = Object.fromEntries((['q1', 'q2', 'q3', 'q4'] as const).map((q, j) => [q, q === 'q1' || j < 4 - i ? right[q] : wrong[q]]));
      expect((await me.post(`quiz-attempts/${a.body.attempt.id}/submit`, { answers })).status).toBe(200);
    }
    const r = (await admin.get(`reports/courses/${course.id}`)).body;
    expect(r.quizzes).toHaveLength(1);
    expect(r.quizzes[0]).toMatchObject({ quizId: 'quiz1', attempts: 5, passRate: 40 });
    const items = Object.fromEntries(r.quizzes[0].items.map((i: { questionId: string }) => [i.questionId, i]));
    expect(items.q1).toMatchObject({ attempts: 5, difficulty: 1, flags: ['too_easy'] });
    expect(items.q4).toMatchObject({ difficulty: 0.2, flags: ['too_hard'] });
    expect(items.q2.discrimination).toBeGreaterThan(0.5);
  });

  it('answers 404 to people who are not learning or HR admins, and across organisations', async () => {
    const { org, admin, emp } = await setup();
    const { course } = await createPublishedCourse(t, org.id);
    const hr = await signInAs(t, await createUser(t, org.id, { roles: ['hr_admin'] }));
    expect((await hr.get(`reports/courses/${course.id}`)).status).toBe(200);
    expect((await emp.get('reports/courses')).status).toBe(404);
    expect((await emp.get(`reports/courses/${course.id}`)).status).toBe(404);
    expect((await emp.get(`reports/courses/${course.id}.csv`)).status).toBe(404);
    const other = await setup();
    expect((await other.admin.get(`reports/courses/${course.id}`)).status).toBe(404);
    expect((await other.admin.get(`reports/courses/${course.id}.csv`)).status).toBe(404);
    expect((await admin.get('reports/courses/not-a-uuid')).status).toBe(400);
  });
});
