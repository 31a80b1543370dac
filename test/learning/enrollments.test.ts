import { and, eq, inArray } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import { auditEvent, certificate, domainEvent, enrollment, lessonProgress, mailMessage, notification, quizAttempt } from '../../src/server/db/schema/index.ts';
import { completeEnrollment, enroll } from '../../src/server/modules/learning/index.ts';
import { dispatchEvents, systemRef } from '../../src/server/modules/platform/index.ts';
import { createTestApp, type TestApp } from '../support/app.ts';
import { signInAs } from '../support/client.ts';
import { createOrg, createPerson, createUser } from '../support/factories.ts';
import { createPublishedCourse, enrollPeople } from '../support/learning.ts';

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
});

const DAY = 86_400_000;

async function setup() {
  const org = await createOrg(t);
  const adminUser = await createUser(t, org.id, { roles: ['learning_admin'] });
  const hrUser = await createUser(t, org.id, { roles: ['hr_admin'] });
  const mgrUser = await createUser(t, org.id, { firstName: 'Max', lastName: 'Manager' });
  const learnerUser = await createUser(t, org.id, { firstName: 'Lea', lastName: 'Learner', managerId: mgrUser.person.id });
  const peerUser = await createUser(t, org.id, { firstName: 'Pia', lastName: 'Peer', managerId: mgrUser.person.id });
  const { course: c, version } = await createPublishedCourse(t, org.id, { title: 'Negotiation basics' });
  return {
    org,
    c,
    version,
    learnerUser,
    mgrUser,
    admin: await signInAs(t, adminUser),
    hr: await signInAs(t, hrUser),
    mgr: await signInAs(t, mgrUser),
    learner: await signInAs(t, learnerUser),
    peer: await signInAs(t, peerUser),
  };
}

describe('enrolments', () => {
  it('shows an enrolment to the learner, their manager and admins, and 404 to anyone else', async () => {
    const s = await setup();
    const assigned = await s.mgr.post('enrollments/assign', {
      courseId: s.c.id,
      audience: { type: 'people', personIds: [s.learnerUser.person.id] },
      reason: { type: 'hurdle', note: 'Stuck on supplier talks' },
      dueDays: 5,
    });
    const id = assigned.body.enrollmentIds[0]!;
    for (const who of [s.learner, s.mgr, s.admin, s.hr]) {
      const res = await who.get(`enrollments/${id}`);
      expect(res.status).toBe(200);
      expect(res.body).toMatchObject({
        id,
        kind: 'course',
        title: 'Negotiation basics',
        status: 'not_started',
        overdue: false,
        reason: { type: 'hurdle', label: 'Removes a hurdle', note: 'Stuck on supplier talks' },
        source: 'assigned',
        assignedBy: { id: s.mgrUser.person.id, name: 'Max Manager' },
        person: { id: s.learnerUser.person.id, name: 'Lea Learner' },
      });
    }
    expect((await s.peer.get(`enrollments/${id}`)).status).toBe(404);
    expect((await s.peer.get(`enrollments/0190a4c2-1111-7000-8000-000000000009`)).status).toBe(404);
    expect((await s.peer.get(`enrollments/not-a-uuid`)).status).toBe(400);

    // Overdue is derived from the clock.
    t.clock.advance(6 * DAY);
    expect((await s.learner.get(`enrollments/${id}`)).body.overdue).toBe(true);
  });

  it('lists enrolments with filters: admins see everyone, managers their reports, others only themselves', async () => {
    const s = await setup();
    const stranger = await createPerson(t, s.org.id);
    await enrollPeople(t, s.org.id, { courseId: s.c.id }, [s.learnerUser.person.id, stranger.id], { dueAt: new Date(t.clock.now().getTime() + DAY) });
    const { course: c2 } = await createPublishedCourse(t, s.org.id);
    await enrollPeople(t, s.org.id, { courseId: c2.id }, [s.learnerUser.person.id]);

    const all = await s.admin.get(`enrollments?courseId=${s.c.id}`);
    expect(all.status).toBe(200);
    expect(all.body.data.map((e: { person: { id: string } }) => e.person.id).sort()).toEqual([s.learnerUser.person.id, stranger.id].sort());

    const mgr = await s.mgr.get('enrollments');
    expect(mgr.body.data).toHaveLength(2);
    expect(mgr.body.data.every((e: { person: { id: string } }) => e.person.id === s.learnerUser.person.id)).toBe(true);
    expect((await s.mgr.get(`enrollments?personId=${stranger.id}`)).status).toBe(404);
    expect((await s.peer.get(`enrollments?personId=${s.learnerUser.person.id}`)).status).toBe(404);
    expect((await s.peer.get('enrollments')).body.data).toEqual([]);

    // Paging and the overdue filter.
    const p1 = await s.admin.get('enrollments?limit=2');
    expect(p1.body.data).toHaveLength(2);
    const p2 = await s.admin.get(`enrollments?limit=2&cursor=${p1.body.nextCursor}`);
    expect(p2.body.data).toHaveLength(1);
    expect(p2.body.nextCursor).toBeNull();
    t.clock.advance(2 * DAY);
    expect((await s.admin.get('enrollments?overdue=true')).body.data).toHaveLength(2);
    expect((await s.admin.get('enrollments?overdue=false')).body.data).toHaveLength(1);
    const bad = await s.admin.get('enrollments?status=done&cursor=%%%');
    expect(bad.status).toBe(400);
    expect(bad.body.error.code).toBe('validation_failed');
  });

  it('changes the due date: admins and the assigning manager, audited; others are refused', async () => {
    const s = await setup();
    const assigned = await s.mgr.post('enrollments/assign', {
      courseId: s.c.id,
      audience: { type: 'people', personIds: [s.learnerUser.person.id] },
      reason: { type: 'review' },
      dueDays: 3,
    });
    const id = assigned.body.enrollmentIds[0]!;
    const later = new Date(t.clock.now().getTime() + 20 * DAY).toISOString();
    const res = await s.mgr.patch(`enrollments/${id}`, { dueAt: later });
    expect(res.status).toBe(200);
    expect(res.body.dueAt).toBe(later);
    expect((await s.admin.patch(`enrollments/${id}`, { dueAt: null })).body.dueAt).toBeNull();
    expect((await s.learner.patch(`enrollments/${id}`, { dueAt: later })).status).toBe(403);
    expect((await s.peer.patch(`enrollments/${id}`, { dueAt: later })).status).toBe(404);
    const bad = await s.admin.patch(`enrollments/${id}`, { dueAt: 'soon' });
    expect(bad.status).toBe(400);
    expect(bad.body.error.details[0].path).toBe('dueAt');
    const past = await s.admin.patch(`enrollments/${id}`, { dueAt: new Date(t.clock.now().getTime() - DAY).toISOString() });
    expect(past.status).toBe(400);
    const audits = await t.ctx.db.select().from(auditEvent).where(and(eq(auditEvent.recordId, id), eq(auditEvent.action, 'enrollment.due_changed')));
    expect(audits).toHaveLength(2);
  });

  it('resets an enrolment to not started, removing progress, attempts and certificate, audited with the before state', async () => {
    const s = await setup();
    const [e] = await enrollPeople(t, s.org.id, { courseId: s.c.id }, [s.learnerUser.person.id]);
    const orgId = s.org.id;
    await t.ctx.db.insert(lessonProgress).values({ orgId, enrollmentId: e!.id, lessonId: 'l1', completedAt: t.clock.now(), timeSpentSeconds: 60 });
    await t.ctx.db.insert(quizAttempt).values({
      orgId,
      enrollmentId: e!.id,
      personId: s.learnerUser.person.id,
      courseId: s.c.id,
      versionId: s.version.id,
      lessonId: 'l3',
      quizId: 'quiz1',
      number: 1,
      questions: [],
      startedAt: t.clock.now(),
      submittedAt: t.clock.now(),
      score: 100,
      passed: true,
    });
    await t.ctx.db.transaction(async (tx) => {
      const row = (await tx.select().from(enrollment).where(eq(enrollment.id, e!.id)))[0]!;
      await completeEnrollment(t.ctx, tx, systemRef(orgId), { ...row, versionId: s.version.id }, { score: 100 });
    });
    expect((await s.learner.get(`enrollments/${e!.id}`)).body.certificateId).toBeTruthy();

    expect((await s.mgr.post(`enrollments/${e!.id}/reset`)).status).toBe(403);
    expect((await s.peer.post(`enrollments/${e!.id}/reset`)).status).toBe(404);
    const res = await s.admin.post(`enrollments/${e!.id}/reset`);
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ status: 'not_started', progress: 0, completedAt: null, certificateId: null });
    expect(await t.ctx.db.select().from(lessonProgress).where(eq(lessonProgress.enrollmentId, e!.id))).toHaveLength(0);
    expect(await t.ctx.db.select().from(quizAttempt).where(eq(quizAttempt.enrollmentId, e!.id))).toHaveLength(0);
    expect(await t.ctx.db.select().from(certificate).where(eq(certificate.enrollmentId, e!.id))).toHaveLength(0);
    const [audit] = await t.ctx.db.select().from(auditEvent).where(and(eq(auditEvent.recordId, e!.id), eq(auditEvent.action, 'enrollment.reset')));
    expect(audit!.before).toMatchObject({ status: 'completed', progress: 100, score: 100 });

    // A completed enrolment cannot reopen while another one is open (409).
    await t.ctx.db.transaction(async (tx) => {
      const row = (await tx.select().from(enrollment).where(eq(enrollment.id, e!.id)))[0]!;
      await completeEnrollment(t.ctx, tx, systemRef(orgId), row);
    });
    await enrollPeople(t, s.org.id, { courseId: s.c.id }, [s.learnerUser.person.id]);
    expect((await s.admin.post(`enrollments/${e!.id}/reset`)).status).toBe(409);
  });

  it('unenrols: admins any enrolment, learners only unfinished self-enrolments; audited', async () => {
    const s = await setup();
    const [assigned] = await enrollPeople(t, s.org.id, { courseId: s.c.id }, [s.learnerUser.person.id]);
    expect((await s.learner.delete(`enrollments/${assigned!.id}`)).status).toBe(403);
    expect((await s.mgr.delete(`enrollments/${assigned!.id}`)).status).toBe(403);
    expect((await s.peer.delete(`enrollments/${assigned!.id}`)).status).toBe(404);
    expect((await s.admin.delete(`enrollments/${assigned!.id}`)).status).toBe(204);
    expect((await s.admin.get(`enrollments/${assigned!.id}`)).status).toBe(404);
    const [audit] = await t.ctx.db.select().from(auditEvent).where(and(eq(auditEvent.recordId, assigned!.id), eq(auditEvent.action, 'enrollment.deleted')));
    expect(audit!.before).toMatchObject({ personId: s.learnerUser.person.id, courseId: s.c.id, reasonType: 'skill_gap' });

    const { course: c2 } = await createPublishedCourse(t, s.org.id);
    const [mine] = await t.ctx.db.transaction((tx) =>
      enroll(t.ctx, tx, systemRef(s.org.id), { audience: { type: 'people', personIds: [s.learnerUser.person.id] }, courseId: c2.id, reasonType: 'self', source: 'self' }),
    );
    expect((await s.peer.delete(`enrollments/${mine!.id}`)).status).toBe(404);
    expect((await s.learner.delete(`enrollments/${mine!.id}`)).status).toBe(204);
    expect(await t.ctx.db.select().from(enrollment).where(eq(enrollment.id, mine!.id))).toHaveLength(0);
  });
});

describe('enrolment notices', () => {
  it('tells each learner once, even when the event reaches its subscriber twice (delivery is at least once)', async () => {
    const s = await setup();
    const learners = [s.learnerUser.person.id, (await createPerson(t, s.org.id)).id];
    await enrollPeople(t, s.org.id, { courseId: s.c.id }, learners);
    const notices = async () =>
      (await t.ctx.db.select().from(notification).where(and(eq(notification.orgId, s.org.id), eq(notification.kind, 'learning.enrolled')))).map((n) => n.personId).sort();
    await dispatchEvents(t.ctx);
    await t.ctx.jobs.drain();
    expect(await notices()).toEqual([...learners].sort());

    // As if a dispatcher died after queuing the jobs and before marking the event.
    await t.ctx.db
      .update(domainEvent)
      .set({ dispatchedAt: null })
      .where(and(eq(domainEvent.orgId, s.org.id), eq(domainEvent.type, 'learning.enrolled')));
    expect(await dispatchEvents(t.ctx)).toBeGreaterThanOrEqual(1);
    await t.ctx.jobs.drain();
    expect(await notices()).toEqual([...learners].sort());
    const mails = await t.ctx.db.select().from(mailMessage).where(and(eq(mailMessage.orgId, s.org.id), inArray(mailMessage.subject, ['New learning: Negotiation basics'])));
    expect(mails).toHaveLength(2);
    expect(new Set(mails.map((m) => m.to)).size).toBe(2);
  });
});

describe('enrolment API document', () => {
  it('lists the enrolment endpoints and their schemas in the OpenAPI document', async () => {
    const s = await setup();
    const res = await s.learner.get('openapi.json');
    expect(res.status).toBe(200);
    expect(Object.keys(res.body.paths)).toEqual(
      expect.arrayContaining(['/enrollments/assign', '/me/learning', '/people/{id}/learning', '/team/learning', '/enrollments', '/enrollments/{id}', '/enrollments/{id}/reset']),
    );
    for (const name of ['AssignRequest', 'AssignResult', 'LearningItem', 'MyLearning', 'Enrollment', 'TeamLearningMember']) {
      expect(res.body.components.schemas[name], name).toBeDefined();
    }
  });
});
