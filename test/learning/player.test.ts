import { eq } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { auditEvent, course as courseTable, courseVersion, enrollment } from '../../src/server/db/schema/index.ts';
import { createTestApp } from '../support/app.ts';
import { client, signInAs } from '../support/client.ts';
import { createOrg, createUser } from '../support/factories.ts';
import { createPublishedCourse, enrollPeople, sampleContent } from '../support/learning.ts';

async function setup() {
  const t = await createTestApp();
  const org = await createOrg(t);
  const manager = await createUser(t, org.id);
  const learner = await createUser(t, org.id, { managerId: manager.person.id });
  const admin = await createUser(t, org.id, { roles: ['learning_admin'] });
  const { course, version } = await createPublishedCourse(t, org.id);
  const [e] = await enrollPeople(t, org.id, { courseId: course.id }, [learner.person.id]);
  return { t, org, manager, learner, admin, course, version, enrollmentId: e!.id };
}

describe('course player', () => {
  it('shows the outline of the pinned version, resumes where the learner left, and keeps the version after a new publication', async () => {
    const { t, org, learner, course, version, enrollmentId } = await setup();
    const me = await signInAs(t, learner);

    expect((await me.post(`enrollments/${enrollmentId}/start`)).status).toBe(200);
    const first = await me.get(`enrollments/${enrollmentId}/player`);
    expect(first.status).toBe(200);
    expect(first.body.course.versionId).toBe(version.id);
    expect(first.body.enrollment.status).toBe('in_progress');
    expect(first.body.outline.map((s: any) => s.lessons.map((l: any) => l.id))).toEqual([['l1', 'l2'], ['l3']]);
    expect(first.body.resumeLessonId).toBe('l1');

    // A new version is published: the learner keeps the one they started.
    const content = sampleContent();
    content.sections[0]!.lessons.push({ id: 'l9', title: 'New lesson', blocks: [] });
    const [v2] = await t.ctx.db.insert(courseVersion).values({ orgId: org.id, courseId: course.id, number: 2, status: 'published', content }).returning();
    await t.ctx.db.update(courseTable).set({ publishedVersionId: v2!.id }).where(eq(courseTable.id, course.id));

    t.clock.advance(120_000);
    const done = await me.post(`enrollments/${enrollmentId}/lessons/l1/progress`, { timeSpentSeconds: 120, completed: true });
    expect(done.status).toBe(200);
    expect(done.body.completed).toBe(true);
    expect(done.body.enrollment.progress).toBe(33);

    const again = await me.get(`enrollments/${enrollmentId}/player`);
    expect(again.body.course.versionId).toBe(version.id);
    expect(again.body.outline[0]!.lessons.map((l: any) => l.id)).toEqual(['l1', 'l2']);
    expect(again.body.resumeLessonId).toBe('l2');
    expect(again.body.enrollment.timeSpentSeconds).toBe(120);
  });

  it('serves lessons with previous/next and never the quiz key', async () => {
    const { t, learner, enrollmentId } = await setup();
    const me = await signInAs(t, learner);
    const l2 = await me.get(`enrollments/${enrollmentId}/lessons/l2`);
    expect(l2.status).toBe(200);
    expect(l2.body).toMatchObject({ previousLessonId: 'l1', nextLessonId: 'l3', position: 2, lessonCount: 3 });
    expect(l2.body.blocks[0]!.type).toBe('text');

    const l3 = await me.get(`enrollments/${enrollmentId}/lessons/l3`);
    expect(l3.body.blocks[0]).toMatchObject({ type: 'quiz', quiz: { passMark: 75, attemptsAllowed: 3, questionCount: 4, attemptsUsed: 0, passed: false } });
    const raw = JSON.stringify(l3.body);
    for (const secret of ['correct', 'acceptedAnswers', 'feedback', 'multi-factor', 'Report it']) expect(raw).not.toContain(secret);

    expect((await me.get(`enrollments/${enrollmentId}/lessons/nope`)).status).toBe(404);
  });

  it('caps a single time report at one hour and validates the report', async () => {
    const { t, learner, enrollmentId } = await setup();
    const me = await signInAs(t, learner);
    await me.post(`enrollments/${enrollmentId}/start`);
    t.clock.advance(5 * 3_600_000);
    const r = await me.post(`enrollments/${enrollmentId}/lessons/l1/progress`, { timeSpentSeconds: 50_000 });
    expect(r.status).toBe(200);
    expect(r.body.timeSpentSeconds).toBe(3600);
    expect(r.body.completed).toBe(false);

    const bad = await me.raw.post(`enrollments/${enrollmentId}/lessons/l1/progress`, { timeSpentSeconds: -1, extra: true });
    expect(bad.status).toBe(400);
    expect(bad.body.error.code).toBe('validation_failed');
    const paths = bad.body.error.details.map((d: any) => d.path);
    expect(paths).toContain('timeSpentSeconds');

    // A quiz lesson completes by passing its quiz, not by marking it.
    const quiz = await me.post(`enrollments/${enrollmentId}/lessons/l3/progress`, { timeSpentSeconds: 5, completed: true });
    expect(quiz.status).toBe(409);
  });

  it('counts no more time than passed on the server’s clock since time was last counted', async () => {
    const { t, org, learner, course, enrollmentId } = await setup();
    const me = await signInAs(t, learner);
    await me.post(`enrollments/${enrollmentId}/start`);
    const day = { timeSpentSeconds: 86_400 };
    // Three reports of a day each, in the same instant the course was opened: nothing.
    for (let i = 0; i < 3; i++) expect((await me.post(`enrollments/${enrollmentId}/lessons/l1/progress`, day)).body.timeSpentSeconds).toBe(0);
    // Ten minutes later, ten minutes count, and only once.
    t.clock.advance(10 * 60_000);
    expect((await me.post(`enrollments/${enrollmentId}/lessons/l1/progress`, day)).body.enrollment.timeSpentSeconds).toBe(600);
    expect((await me.post(`enrollments/${enrollmentId}/lessons/l1/progress`, day)).body.enrollment.timeSpentSeconds).toBe(600);
    // Another lesson shares the same clock: reporting on two lessons at once does not double it.
    t.clock.advance(60_000);
    await me.post(`enrollments/${enrollmentId}/lessons/l1/progress`, { timeSpentSeconds: 60 });
    const other = await me.post(`enrollments/${enrollmentId}/lessons/l2/progress`, { timeSpentSeconds: 60 });
    expect(other.body).toMatchObject({ timeSpentSeconds: 0, enrollment: { timeSpentSeconds: 660 } });
    // A lesson marked complete between two timed reports does not eat the next report's time.
    t.clock.advance(30_000);
    await me.post(`enrollments/${enrollmentId}/lessons/l1/progress`, { timeSpentSeconds: 0, completed: true });
    t.clock.advance(30_000);
    const after = await me.post(`enrollments/${enrollmentId}/lessons/l1/progress`, { timeSpentSeconds: 60 });
    expect(after.body).toMatchObject({ completed: true, timeSpentSeconds: 720, enrollment: { timeSpentSeconds: 720 } });
    // The course report counts what was counted, not what was claimed.
    const admin = await signInAs(t, await createUser(t, org.id, { roles: ['learning_admin'] }));
    const report = await admin.get(`reports/courses/${course.id}`);
    expect(report.body.timeSpent).toMatchObject({ count: 1, meanMinutes: 12 });
  });

  it('answers 404 to anyone but the learner, managers and admins included', async () => {
    const { t, org, manager, admin, enrollmentId } = await setup();
    const other = await createUser(t, org.id);
    for (const u of [manager, admin, other]) {
      const c = await signInAs(t, u);
      expect((await c.post(`enrollments/${enrollmentId}/start`)).status).toBe(404);
      expect((await c.get(`enrollments/${enrollmentId}/player`)).status).toBe(404);
      expect((await c.get(`enrollments/${enrollmentId}/lessons/l1`)).status).toBe(404);
      expect((await c.post(`enrollments/${enrollmentId}/lessons/l1/progress`, { timeSpentSeconds: 1 })).status).toBe(404);
      expect((await c.post(`enrollments/${enrollmentId}/quizzes/quiz1/attempts`)).status).toBe(404);
    }
    // Another organisation's learner cannot reach it either.
    const org2 = await createOrg(t);
    const stranger = await signInAs(t, await createUser(t, org2.id));
    expect((await stranger.get(`enrollments/${enrollmentId}/player`)).status).toBe(404);
    expect((await stranger.post(`enrollments/${enrollmentId}/start`)).status).toBe(404);
    // Nobody's attempt started it.
    const [row] = await t.ctx.db.select().from(enrollment).where(eq(enrollment.id, enrollmentId));
    expect(row).toMatchObject({ status: 'not_started', versionId: null, startedAt: null });
  });

  it('reads the player and lessons without changing the enrolment: opening is the POST', async () => {
    const { t, org, learner, version, enrollmentId } = await setup();
    const me = await signInAs(t, learner);
    const row = async () => (await t.ctx.db.select().from(enrollment).where(eq(enrollment.id, enrollmentId)))[0]!;
    const audits = async () => (await t.ctx.db.select().from(auditEvent).where(eq(auditEvent.orgId, org.id))).filter((a) => a.recordId === enrollmentId);
    const before = await row();
    const auditsBefore = (await audits()).length;

    t.clock.advance(60_000);
    const player = await me.get(`enrollments/${enrollmentId}/player`);
    expect(player.status).toBe(200);
    // What it would pin, shown as not started.
    expect(player.body.course.versionId).toBe(version.id);
    expect(player.body.enrollment).toMatchObject({ status: 'not_started', startedAt: null });
    expect((await me.get(`enrollments/${enrollmentId}/lessons/l1`)).status).toBe(200);
    expect(await row()).toEqual(before);
    expect(await audits()).toHaveLength(auditsBefore);

    // The POST starts and pins once; a second is the same state and no second audit.
    t.clock.advance(60_000);
    const started = await me.post(`enrollments/${enrollmentId}/start`);
    expect(started.status).toBe(200);
    expect(started.body).toMatchObject({ id: enrollmentId, status: 'in_progress', startedAt: t.clock.now().toISOString() });
    const afterStart = await row();
    expect(afterStart).toMatchObject({ status: 'in_progress', versionId: version.id, startedAt: t.clock.now() });
    t.clock.advance(60_000);
    const again = await me.post(`enrollments/${enrollmentId}/start`);
    expect(again.status).toBe(200);
    expect(again.body).toEqual(started.body);
    expect(await row()).toEqual(afterStart);
    expect((await audits()).map((a) => a.action).filter((a) => a === 'enrollment.started')).toHaveLength(1);
    expect((await me.get(`enrollments/${enrollmentId}/player`)).body.enrollment).toEqual(started.body);
  });

  it('completes the course when every lesson is complete, with the mean best quiz score and a certificate; then the reaction survey once', async () => {
    const { t, org, learner, enrollmentId } = await setup();
    const me = await signInAs(t, learner);
    await me.post(`enrollments/${enrollmentId}/lessons/l1/progress`, { timeSpentSeconds: 10, completed: true });
    await me.post(`enrollments/${enrollmentId}/lessons/l2/progress`, { timeSpentSeconds: 10, completed: true });

    const early = await me.post(`enrollments/${enrollmentId}/reaction`, { relevance: 4, confidence: 4, intentToApply: 5 });
    expect(early.status).toBe(409);

    const start = await me.post(`enrollments/${enrollmentId}/quizzes/quiz1/attempts`);
    expect(start.status).toBe(201);
    const result = await me.post(`quiz-attempts/${start.body.attempt.id}/submit`, {
      answers: { q1: 'q1a', q2: ['q2a', 'q2b'], q3: 'q3f', q4: 'nope' },
    });
    expect(result.status).toBe(200);
    expect(result.body.attempt).toMatchObject({ score: 75, passed: true });
    expect(result.body.enrollment).toMatchObject({ status: 'completed', progress: 100, score: 75 });
    expect(result.body.enrollment.certificateId).toBeTruthy();

    const player = await me.get(`enrollments/${enrollmentId}/player`);
    expect(player.body.outline.flatMap((s: any) => s.lessons).every((l: any) => l.completed)).toBe(true);

    const bad = await me.post(`enrollments/${enrollmentId}/reaction`, { relevance: 6, confidence: 0, intentToApply: 3, comment: 'x'.repeat(2001) });
    expect(bad.status).toBe(400);
    expect(bad.body.error.details.map((d: any) => d.path).sort()).toEqual(['comment', 'confidence', 'relevance']);

    const ok = await me.post(`enrollments/${enrollmentId}/reaction`, { relevance: 4, confidence: 3, intentToApply: 5, comment: ' Useful ' });
    expect(ok.status).toBe(201);
    expect(ok.body).toMatchObject({ relevance: 4, confidence: 3, intentToApply: 5, comment: 'Useful' });
    expect((await me.post(`enrollments/${enrollmentId}/reaction`, { relevance: 1, confidence: 1, intentToApply: 1 })).status).toBe(409);
    expect((await me.get(`enrollments/${enrollmentId}/player`)).body.reaction).toMatchObject({ relevance: 4 });

    const audits = await t.ctx.db.select().from(auditEvent).where(eq(auditEvent.orgId, org.id));
    expect(audits.map((a) => a.action)).toEqual(expect.arrayContaining(['enrollment.completed', 'quiz_attempt.submitted', 'course_reaction.created']));
  });

  it('lets the learner complete an external course, but not a self-paced one that way', async () => {
    const { t, org, learner, enrollmentId } = await setup();
    const { course: ext } = await createPublishedCourse(t, org.id, { format: 'external', externalUrl: 'https://example.com/course' });
    const [e] = await enrollPeople(t, org.id, { courseId: ext.id }, [learner.person.id]);
    const me = await signInAs(t, learner);
    expect((await me.post(`enrollments/${enrollmentId}/complete-external`)).status).toBe(409);
    const done = await me.post(`enrollments/${e!.id}/complete-external`);
    expect(done.status).toBe(200);
    expect(done.body).toMatchObject({ status: 'completed', progress: 100 });
    expect(done.body.certificateId).toBeTruthy();
    expect((await me.post(`enrollments/${e!.id}/complete-external`)).status).toBe(200);
  });
});

describe('API documentation', () => {
  it('documents the player, quiz, certificate and transcript endpoints', async () => {
    const t = await createTestApp();
    const res = await client(t).get('openapi.json');
    expect(res.status).toBe(200);
    expect(Object.keys(res.body.paths)).toEqual(
      expect.arrayContaining([
        '/enrollments/{id}/start',
        '/enrollments/{id}/player',
        '/enrollments/{id}/lessons/{lessonId}',
        '/enrollments/{id}/lessons/{lessonId}/progress',
        '/enrollments/{id}/quizzes/{quizId}/attempts',
        '/quiz-attempts/{id}/submit',
        '/enrollments/{id}/reaction',
        '/enrollments/{id}/complete-external',
        '/certificates',
        '/certificates/{id}/pdf',
        '/certificates/verify/{code}',
        '/people/{id}/transcript',
        '/people/{id}/transcript.csv',
        '/people/{id}/transcript.pdf',
        '/people/{id}/external-learning',
        '/external-learning/{id}',
      ]),
    );
    expect(res.body.paths['/certificates/verify/{code}'].get.security).toEqual([]);
  });
});
