import { and, eq } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import { auditEvent, course, enrollment, group, groupMember, program } from '../../src/server/db/schema/index.ts';
import { dispatchEvents } from '../../src/server/modules/platform/index.ts';
import { createTestApp, type TestApp } from '../support/app.ts';
import { signInAs, type Body } from '../support/client.ts';
import { createDepartment, createOrg, createPerson, createUser } from '../support/factories.ts';
import { createPublishedCourse } from '../support/learning.ts';

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
});

/** An organisation with a learning admin, a manager with a report (and one below), and an outsider. */
async function setup() {
  const org = await createOrg(t);
  const adminUser = await createUser(t, org.id, { firstName: 'Lena', lastName: 'Admin', roles: ['learning_admin'] });
  const mgrUser = await createUser(t, org.id, { firstName: 'Max', lastName: 'Manager' });
  const report = await createPerson(t, org.id, { firstName: 'Rita', lastName: 'Report', managerId: mgrUser.person.id });
  const deep = await createPerson(t, org.id, { firstName: 'Dan', lastName: 'Deep', managerId: report.id });
  const outsider = await createUser(t, org.id, { firstName: 'Otto', lastName: 'Outside' });
  const { course: c } = await createPublishedCourse(t, org.id, { title: 'Giving feedback' });
  return {
    org,
    c,
    report,
    deep,
    outsider,
    mgrUser,
    admin: await signInAs(t, adminUser),
    mgr: await signInAs(t, mgrUser),
    out: await signInAs(t, outsider),
  };
}

const enrollmentsOf = (orgId: string, courseId: string) =>
  t.ctx.db.select().from(enrollment).where(and(eq(enrollment.orgId, orgId), eq(enrollment.courseId, courseId)));

describe('assigning learning', () => {
  it('assigns a course to people with a reason linked to a record, and is idempotent when retried', async () => {
    const s = await setup();
    const goalId = '0190a4c2-1111-7000-8000-000000000001';
    const body: Body<'/enrollments/assign', 'post'> = {
      courseId: s.c.id,
      audience: { type: 'people', personIds: [s.report.id, s.deep.id] },
      reason: { type: 'goal', recordType: 'goal', recordId: goalId, note: 'For the Q3 feedback goal' },
      dueDays: 14,
    };
    const first = await s.admin.post('enrollments/assign', body);
    expect(first.status).toBe(200);
    expect(first.body).toMatchObject({ enrolled: 2, alreadyEnrolled: 0 });
    expect(first.body.enrollmentIds).toHaveLength(2);

    const again = await s.admin.post('enrollments/assign', body);
    expect(again.status).toBe(200);
    expect(again.body).toMatchObject({ enrolled: 0, alreadyEnrolled: 2, enrollmentIds: [] });

    const rows = await enrollmentsOf(s.org.id, s.c.id);
    expect(rows).toHaveLength(2);
    const due = t.clock.now().getTime() + 14 * 86_400_000;
    for (const r of rows) {
      expect(r).toMatchObject({ reasonType: 'goal', reasonRecordType: 'goal', reasonRecordId: goalId, reasonNote: 'For the Q3 feedback goal', source: 'assigned', status: 'not_started' });
      expect(r.dueAt!.getTime()).toBe(due);
      expect(r.assignmentId).toBe(first.body.assignmentId);
    }
    const audits = await t.ctx.db.select().from(auditEvent).where(and(eq(auditEvent.orgId, s.org.id), eq(auditEvent.action, 'enrollment.created')));
    expect(audits).toHaveLength(2);
  });

  it('lets a manager assign to their reporting chain only, and hides everyone else (404)', async () => {
    const s = await setup();
    const ok = await s.mgr.post('enrollments/assign', {
      courseId: s.c.id,
      audience: { type: 'people', personIds: [s.deep.id] },
      reason: { type: 'one_on_one' },
      dueAt: new Date(t.clock.now().getTime() + 7 * 86_400_000).toISOString(),
    });
    expect(ok.status).toBe(200);
    expect(ok.body.enrolled).toBe(1);

    const notMine = await s.mgr.post('enrollments/assign', {
      courseId: s.c.id,
      audience: { type: 'people', personIds: [s.report.id, s.outsider.person.id] },
      reason: { type: 'skill_gap' },
    });
    expect(notMine.status).toBe(404);
    const self = await s.mgr.post('enrollments/assign', {
      courseId: s.c.id,
      audience: { type: 'people', personIds: [s.mgrUser.person.id] },
      reason: { type: 'skill_gap' },
    });
    expect(self.status).toBe(404);
    const byOutsider = await s.out.post('enrollments/assign', {
      courseId: s.c.id,
      audience: { type: 'people', personIds: [s.report.id] },
      reason: { type: 'skill_gap' },
    });
    expect(byOutsider.status).toBe(404);

    // Groups and departments are for admins.
    const dept = await createDepartment(t, s.org.id, 'Sales');
    const byDept = await s.mgr.post('enrollments/assign', { courseId: s.c.id, audience: { type: 'department', departmentId: dept.id }, reason: { type: 'skill_gap' } });
    expect(byDept.status).toBe(404);
    expect(await enrollmentsOf(s.org.id, s.c.id)).toHaveLength(1);
  });

  it('assigns to a department with its sub-departments, skipping inactive people', async () => {
    const s = await setup();
    const eng = await createDepartment(t, s.org.id, 'Engineering');
    const platform = await createDepartment(t, s.org.id, 'Platform', eng.id);
    const a = await createPerson(t, s.org.id, { departmentId: eng.id });
    const b = await createPerson(t, s.org.id, { departmentId: platform.id });
    await createPerson(t, s.org.id, { departmentId: platform.id, status: 'inactive' });
    await createPerson(t, s.org.id);
    const res = await s.admin.post('enrollments/assign', { courseId: s.c.id, audience: { type: 'department', departmentId: eng.id }, reason: { type: 'onboarding' } });
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ enrolled: 2, alreadyEnrolled: 0 });
    expect((await enrollmentsOf(s.org.id, s.c.id)).map((e) => e.personId).sort()).toEqual([a.id, b.id].sort());
  });

  it('assigns to a group and enrols people who join it later, once', async () => {
    const s = await setup();
    const [g] = await t.ctx.db.insert(group).values({ orgId: s.org.id, name: 'New managers', kind: 'static' }).returning();
    const first = await createPerson(t, s.org.id);
    await t.ctx.db.insert(groupMember).values({ orgId: s.org.id, groupId: g!.id, personId: first.id });
    const res = await s.admin.post('enrollments/assign', {
      courseId: s.c.id,
      audience: { type: 'group', groupId: g!.id, enrollNewcomers: true },
      reason: { type: 'skill_gap', note: 'Every new manager' },
      dueDays: 10,
    });
    expect(res.body).toMatchObject({ enrolled: 1, alreadyEnrolled: 0 });

    // Someone joins the (static) group through the API: the members_changed event enrols them.
    const hrUser = await createUser(t, s.org.id, { roles: ['hr_admin'] });
    const hr = await signInAs(t, hrUser);
    const newcomer = await createPerson(t, s.org.id);
    expect((await hr.post(`groups/${g!.id}/members`, { personIds: [newcomer.id] })).status).toBe(200);
    t.clock.advance(2 * 86_400_000);
    await dispatchEvents(t.ctx);
    await t.ctx.jobs.drain();
    await dispatchEvents(t.ctx);
    await t.ctx.jobs.drain();

    const rows = await enrollmentsOf(s.org.id, s.c.id);
    expect(rows.map((r) => r.personId).sort()).toEqual([first.id, newcomer.id].sort());
    const late = rows.find((r) => r.personId === newcomer.id)!;
    expect(late).toMatchObject({ reasonType: 'skill_gap', reasonNote: 'Every new manager', assignmentId: res.body.assignmentId });
    // Newcomers get the assignment's 10 days from when they joined.
    expect(late.dueAt!.getTime()).toBe(t.clock.now().getTime() + 10 * 86_400_000);

    // A retried event (or a second assignment) creates no duplicates.
    const retry = await s.admin.post('enrollments/assign', { courseId: s.c.id, audience: { type: 'group', groupId: g!.id }, reason: { type: 'skill_gap' } });
    expect(retry.body).toMatchObject({ enrolled: 0, alreadyEnrolled: 2 });
  });

  it('enrols smart-group newcomers when a new hire matches the rule', async () => {
    const s = await setup();
    const hr = await signInAs(t, await createUser(t, s.org.id, { roles: ['hr_admin'] }));
    const sales = await createDepartment(t, s.org.id, 'Sales');
    const veteran = await createPerson(t, s.org.id, { departmentId: sales.id });
    const smart = await hr.post('groups', { name: 'Sales team', kind: 'smart', rule: { match: 'all', conditions: [{ field: 'department', op: 'in', value: [sales.id] }] } });
    expect(smart.status).toBe(201);
    await dispatchEvents(t.ctx);
    await t.ctx.jobs.drain();
    const res = await s.admin.post('enrollments/assign', {
      courseId: s.c.id,
      audience: { type: 'group', groupId: smart.body.id, enrollNewcomers: true },
      reason: { type: 'onboarding' },
    });
    expect(res.body).toMatchObject({ enrolled: 1, alreadyEnrolled: 0 });
    const hire = await hr.post('people', { email: `hire-${Date.now()}@example.test`, firstName: 'New', lastName: 'Seller', departmentId: sales.id });
    expect(hire.status).toBe(201);
    await dispatchEvents(t.ctx);
    await t.ctx.jobs.drain();
    const rows = await enrollmentsOf(s.org.id, s.c.id);
    expect(rows.map((r) => r.personId).sort()).toEqual([veteran.id, hire.body.id].sort());
    expect(rows.find((r) => r.personId === hire.body.id)).toMatchObject({ reasonType: 'onboarding', source: 'assigned' });
  });

  it('refuses bad input with field details', async () => {
    const s = await setup();
    const cases: Array<[unknown, string]> = [
      [{ audience: { type: 'people', personIds: [s.report.id] }, reason: { type: 'goal' } }, 'courseId'],
      [{ courseId: s.c.id, audience: { type: 'people', personIds: [] }, reason: { type: 'goal' } }, 'audience.personIds'],
      [{ courseId: s.c.id, audience: { type: 'people', personIds: ['nope'] }, reason: { type: 'goal' } }, 'audience.personIds.0'],
      [{ courseId: s.c.id, audience: { type: 'people', personIds: [s.report.id] }, reason: { type: 'because' } }, 'reason.type'],
      [{ courseId: s.c.id, audience: { type: 'people', personIds: [s.report.id] }, reason: { type: 'goal', recordType: 'goal', recordId: '12' } }, 'reason.recordId'],
      [{ courseId: s.c.id, audience: { type: 'people', personIds: [s.report.id] }, reason: { type: 'goal', recordId: '0190a4c2-1111-7000-8000-000000000001' } }, 'reason.recordType'],
      [{ courseId: s.c.id, audience: { type: 'people', personIds: [s.report.id] }, reason: { type: 'self' } }, 'reason.type'],
      [{ courseId: s.c.id, audience: { type: 'people', personIds: [s.report.id] }, reason: { type: 'goal' }, dueAt: 'tomorrow' }, 'dueAt'],
      [{ courseId: s.c.id, audience: { type: 'people', personIds: [s.report.id] }, reason: { type: 'goal' }, dueAt: '2030-01-01T00:00:00Z', dueDays: 3 }, 'dueDays'],
      [{ courseId: s.c.id, audience: { type: 'people', personIds: [s.report.id] }, reason: { type: 'goal' }, extra: 1 }, 'extra'],
      [{ courseId: s.c.id, audience: { type: 'people', personIds: [s.report.id] }, reason: { type: 'goal' }, dueAt: new Date(t.clock.now().getTime() - 1000).toISOString() }, 'dueAt'],
      [{ courseId: s.c.id, audience: { type: 'people', personIds: ['0190a4c2-1111-7000-8000-000000000009'] }, reason: { type: 'goal' } }, 'audience.personIds.0'],
      [{ courseId: s.c.id, audience: { type: 'group', groupId: '0190a4c2-1111-7000-8000-000000000009' }, reason: { type: 'goal' } }, 'audience.groupId'],
    ];
    for (const [body, path] of cases) {
      const res = await s.admin.raw.post('enrollments/assign', body);
      expect(res.status, JSON.stringify(body)).toBe(400);
      expect(res.body.error.code).toBe('validation_failed');
      expect(res.body.error.details.map((d: { path: string }) => d.path), JSON.stringify(body)).toContain(path);
    }
    expect(await enrollmentsOf(s.org.id, s.c.id)).toHaveLength(0);
  });

  it('only assigns published learning (422), and nothing of another organisation (404)', async () => {
    const s = await setup();
    const [draft] = await t.ctx.db.insert(course).values({ orgId: s.org.id, title: 'Draft course' }).returning();
    const res = await s.admin.post('enrollments/assign', { courseId: draft!.id, audience: { type: 'people', personIds: [s.report.id] }, reason: { type: 'goal' } });
    expect(res.status).toBe(422);
    const [draftProgram] = await t.ctx.db.insert(program).values({ orgId: s.org.id, title: 'Draft path' }).returning();
    const res2 = await s.admin.post('enrollments/assign', { programId: draftProgram!.id, audience: { type: 'people', personIds: [s.report.id] }, reason: { type: 'goal' } });
    expect(res2.status).toBe(422);

    const other = await createOrg(t);
    const { course: foreign } = await createPublishedCourse(t, other.id);
    const res3 = await s.admin.post('enrollments/assign', { courseId: foreign.id, audience: { type: 'people', personIds: [s.report.id] }, reason: { type: 'goal' } });
    expect(res3.status).toBe(404);
  });

  it('assigns a program: the program and each course step, due after the program’s days', async () => {
    const s = await setup();
    const { course: c2 } = await createPublishedCourse(t, s.org.id, { title: 'Step two' });
    const [p] = await t.ctx.db.insert(program).values({ orgId: s.org.id, title: 'New manager path', status: 'published', dueDays: 60 }).returning();
    const { programStep } = await import('../../src/server/db/schema/index.ts');
    await t.ctx.db.insert(programStep).values([
      { orgId: s.org.id, programId: p!.id, position: 1, kind: 'course', courseId: s.c.id },
      { orgId: s.org.id, programId: p!.id, position: 2, kind: 'course', courseId: c2.id },
    ]);
    const res = await s.admin.post('enrollments/assign', { programId: p!.id, audience: { type: 'people', personIds: [s.report.id] }, reason: { type: 'aspiration' } });
    expect(res.status).toBe(200);
    expect(res.body.enrolled).toBe(1);
    const rows = await t.ctx.db.select().from(enrollment).where(and(eq(enrollment.orgId, s.org.id), eq(enrollment.personId, s.report.id)));
    expect(rows).toHaveLength(3);
    const parent = rows.find((r) => r.programId)!;
    expect(parent.dueAt!.getTime()).toBe(t.clock.now().getTime() + 60 * 86_400_000);
    expect(rows.filter((r) => r.parentEnrollmentId === parent.id)).toHaveLength(2);
  });
});
