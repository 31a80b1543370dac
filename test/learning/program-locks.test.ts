import { and, eq } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import { certificate, enrollment, sessionRegistration } from '../../src/server/db/schema/index.ts';
import { completeEnrollment } from '../../src/server/modules/learning/index.ts';
import { systemRef } from '../../src/server/modules/platform/index.ts';
import { createTestApp, type TestApp } from '../support/app.ts';
import { signInAs } from '../support/client.ts';
import { createOrg, createUser } from '../support/factories.ts';
import { createPublishedCourse, enrollPeople, sampleAnswers } from '../support/learning.ts';

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
});

const NOW = new Date('2027-01-10T08:00:00Z');

/** An in-order program of the given courses, the learner enrolled; returns the course step enrolments by course. */
async function program(formats: Array<'self_paced' | 'external' | 'live'>) {
  t.clock.set(NOW);
  const org = await createOrg(t);
  const adminUser = await createUser(t, org.id, { roles: ['learning_admin'] });
  const learnerUser = await createUser(t, org.id, { firstName: 'Kim', lastName: 'Learner' });
  const admin = await signInAs(t, adminUser);
  const courses = [];
  for (const format of formats) {
    courses.push((await createPublishedCourse(t, org.id, { format, externalUrl: format === 'external' ? 'https://example.com/course' : null })).course);
  }
  const id = (await admin.post('programs', { title: 'Onboarding path', enforceOrder: true })).body.id;
  await admin.put(`programs/${id}/steps`, { steps: courses.map((c) => ({ kind: 'course' as const, courseId: c.id })) });
  await admin.post(`programs/${id}/publish`);
  const [p] = await enrollPeople(t, org.id, { programId: id }, [learnerUser.person.id]);
  const view = await (await signInAs(t, learnerUser)).get(`enrollments/${p!.id}/program`);
  const stepEnrollment = (i: number) => view.body.steps[i]!.courseEnrollment!.id as string;
  return { org, id, admin, adminUser, learnerUser, learner: await signInAs(t, learnerUser), courses, programEnrollmentId: p!.id, stepEnrollment };
}

const enrollmentRow = async (id: string) => (await t.ctx.db.select().from(enrollment).where(eq(enrollment.id, id)))[0]!;

describe('locked program steps', () => {
  it('refuses to complete a locked external step (403, as the player), with no certificate, until the earlier step is done', async () => {
    const s = await program(['self_paced', 'external']);
    const ext = s.stepEnrollment(1);
    const refused = await s.learner.post(`enrollments/${ext}/complete-external`);
    expect(refused.status).toBe(403);
    const player = await s.learner.get(`enrollments/${ext}/player`);
    expect(player.status).toBe(403);
    expect(refused.body).toEqual(player.body);
    const opening = await s.learner.post(`enrollments/${ext}/start`);
    expect(opening.status).toBe(403);
    expect(opening.body).toEqual(player.body);
    expect(refused.body.error).toMatchObject({ code: 'forbidden', message: 'Finish the earlier steps of "Onboarding path" first: this step is locked until they are done' });
    expect((await enrollmentRow(ext)).status).toBe('not_started');
    expect(await t.ctx.db.select().from(certificate).where(eq(certificate.enrollmentId, ext))).toEqual([]);

    // The same gate holds whoever completes it.
    const row = await enrollmentRow(ext);
    await expect(t.ctx.db.transaction((tx) => completeEnrollment(t.ctx, tx, systemRef(s.org.id, 'test'), row))).rejects.toMatchObject({ code: 'forbidden' });

    const firstStep = await enrollmentRow(s.stepEnrollment(0));
    await t.ctx.db.transaction((tx) => completeEnrollment(t.ctx, tx, systemRef(s.org.id, 'test'), firstStep));
    const done = await s.learner.post(`enrollments/${ext}/complete-external`);
    expect(done.status).toBe(200);
    expect(done.body.certificateId).toBeTruthy();
    expect((await s.learner.get(`enrollments/${s.programEnrollmentId}/program`)).body.enrollment.status).toBe('completed');
  });

  it('refuses a quiz submission on a step that was locked again after the attempt started', async () => {
    const s = await program(['external', 'self_paced']);
    expect((await s.learner.post(`enrollments/${s.stepEnrollment(0)}/complete-external`)).status).toBe(200);
    const quizStep = s.stepEnrollment(1);
    const attempt = await s.learner.post(`enrollments/${quizStep}/quizzes/quiz1/attempts`);
    expect(attempt.status).toBe(201);

    // A new first step: the quiz course is locked behind it again.
    const first = (await createPublishedCourse(t, s.org.id, { format: 'external', externalUrl: 'https://example.com/new' })).course;
    const steps = (await s.admin.get(`programs/${s.id}`)).body.steps;
    const put = await s.admin.put(`programs/${s.id}/steps`, {
      steps: [{ kind: 'course', courseId: first.id }, ...steps.map((x: any) => ({ id: x.id, kind: 'course' as const, courseId: x.courseId }))],
    });
    expect(put.status).toBe(200);

    const submit = await s.learner.post(`quiz-attempts/${attempt.body.attempt.id}/submit`, { answers: sampleAnswers.right });
    expect(submit.status).toBe(403);
    expect(submit.body.error.code).toBe('forbidden');
    expect((await enrollmentRow(quizStep)).status).toBe('in_progress');
    expect((await s.learner.post(`enrollments/${quizStep}/lessons/l1/progress`, { timeSpentSeconds: 0, completed: true })).status).toBe(403);
  });

  it('refuses registration for a session of a locked live step; attendance recorded after a later lock does not complete it', async () => {
    const s = await program(['external', 'live']);
    const live = s.courses[1]!;
    const session = await s.admin.post(`courses/${live.id}/sessions`, {
      startsAt: '2027-02-01T09:30',
      endsAt: '2027-02-01T12:00',
      timeZone: 'Europe/Paris',
      location: 'Room 2',
      capacity: 5,
    });
    expect(session.status).toBe(201);
    const sid = session.body.id;
    const locked = await s.learner.post(`sessions/${sid}/registrations`);
    expect(locked.status).toBe(403);
    expect(locked.body.error.code).toBe('forbidden');
    expect(await t.ctx.db.select().from(sessionRegistration).where(eq(sessionRegistration.sessionId, sid))).toEqual([]);

    expect((await s.learner.post(`enrollments/${s.stepEnrollment(0)}/complete-external`)).status).toBe(200);
    const reg = await s.learner.post(`sessions/${sid}/registrations`);
    expect(reg.status).toBe(201);
    expect(reg.body.enrollmentId).toBe(s.stepEnrollment(1));

    // The order changes before the session: a new first step the learner has not done.
    const first = (await createPublishedCourse(t, s.org.id, { format: 'external', externalUrl: 'https://example.com/new' })).course;
    const steps = (await s.admin.get(`programs/${s.id}`)).body.steps;
    await s.admin.put(`programs/${s.id}/steps`, {
      steps: [{ kind: 'course', courseId: first.id }, ...steps.map((x: any) => ({ id: x.id, kind: 'course' as const, courseId: x.courseId }))],
    });
    t.clock.set(new Date('2027-02-01T11:05:00Z'));
    const admin = await signInAs(t, s.adminUser);
    const marked = await admin.put(`sessions/${sid}/attendance`, { entries: [{ registrationId: reg.body.id, attendance: 'present' }] });
    expect(marked.status).toBe(200);
    expect(marked.body.data[0]!.attendance).toBe('present');
    expect((await enrollmentRow(s.stepEnrollment(1))).status).toBe('not_started');
    const [row] = await t.ctx.db
      .select()
      .from(sessionRegistration)
      .where(and(eq(sessionRegistration.sessionId, sid), eq(sessionRegistration.id, reg.body.id)));
    expect(row!.attendance).toBe('present');
  });
});
