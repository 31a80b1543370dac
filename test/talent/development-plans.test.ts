import { beforeAll, describe, expect, it } from 'vitest';
import { and, eq } from 'drizzle-orm';
import { aspiration, courseSkill, enrollment, personSkill, skill, skillAssessment } from '../../src/server/db/schema/index.ts';
import { createTestApp, type TestApp } from '../support/app.ts';
import { signInAs } from '../support/client.ts';
import { createOrg, createUser } from '../support/factories.ts';
import { createPublishedCourse, enrollPeople } from '../support/learning.ts';

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
});

async function setup() {
  const org = await createOrg(t);
  const manager = await createUser(t, org.id);
  const emp = await createUser(t, org.id, { managerId: manager.person.id });
  const peer = await createUser(t, org.id, { managerId: manager.person.id });
  const otherManager = await createUser(t, org.id);
  const hr = await createUser(t, org.id, { roles: ['hr_admin'] });
  const [sql_, stats] = await t.ctx.db
    .insert(skill)
    .values([
      { orgId: org.id, name: 'SQL', maxLevel: 5 },
      { orgId: org.id, name: 'Statistics', maxLevel: 4 },
    ])
    .returning();
  // The employee was assessed at 2 in SQL (the basis of their current level); never in statistics.
  const [assessed] = await t.ctx.db
    .insert(skillAssessment)
    .values({ orgId: org.id, personId: emp.person.id, skillId: sql_!.id, level: 2, source: 'manager', assessorId: manager.person.id, assessedAt: t.clock.now() })
    .returning();
  await t.ctx.db.insert(personSkill).values({ orgId: org.id, personId: emp.person.id, skillId: sql_!.id, level: 2, basisAssessmentId: assessed!.id, assessmentCount: 1 });
  const { course } = await createPublishedCourse(t, org.id, { title: 'Analytics basics' });
  await t.ctx.db.insert(courseSkill).values([
    { orgId: org.id, courseId: course.id, skillId: sql_!.id, level: 3 },
    { orgId: org.id, courseId: course.id, skillId: stats!.id, level: 2 },
  ]);
  return {
    org,
    emp,
    manager,
    sql: sql_!,
    stats: stats!,
    assessment: assessed!,
    course,
    as: {
      emp: await signInAs(t, emp),
      manager: await signInAs(t, manager),
      peer: await signInAs(t, peer),
      otherManager: await signInAs(t, otherManager),
      hr: await signInAs(t, hr),
    },
  };
}

const enrollmentOf = async (id: string | null) => (await t.ctx.db.select().from(enrollment).where(eq(enrollment.id, id!)))[0]!;

describe('development plans', () => {
  it('an employee adds a course item for a skill gap: enrolled at once, reason and baseline linked to the item', async () => {
    const { emp, sql: s, stats, assessment, course, as } = await setup();
    const res = await as.emp.post(`people/${emp.person.id}/development-plan`, {
      actionType: 'course',
      courseId: course.id,
      skillId: s.id,
      targetLevel: 3,
      dueDate: '2027-03-31',
    });
    expect(res.status).toBe(201);
    expect(res.body).toMatchObject({
      title: 'Analytics basics',
      skillName: 'SQL',
      courseTitle: 'Analytics basics',
      status: 'planned',
      approvalStatus: 'not_needed',
      gapAssessmentId: assessment.id,
      enrollmentStatus: 'not_started',
    });
    const e = await enrollmentOf(res.body.enrollmentId);
    expect(e).toMatchObject({
      personId: emp.person.id,
      courseId: course.id,
      reasonType: 'skill_gap',
      reasonRecordType: 'development_plan_item',
      reasonRecordId: res.body.id,
      source: 'self',
      baselineLevels: { [s.id]: 2, [stats.id]: null },
    });
    expect(e.dueAt?.toISOString().slice(0, 10)).toBe('2027-03-31');

    // Adding the same course again links the open enrolment instead of failing.
    const again = await as.emp.post(`people/${emp.person.id}/development-plan`, { actionType: 'course', courseId: course.id, title: 'Refresher' });
    expect(again.status).toBe(201);
    expect(again.body.enrollmentId).toBe(res.body.enrollmentId);

    const patched = await as.emp.patch(`development-plan-items/${res.body.id}`, { status: 'in_progress' });
    expect(patched.body.status).toBe('in_progress');
    const plan = await as.emp.get(`people/${emp.person.id}/development-plan`);
    expect(plan.body.data.map((i: { title: string }) => i.title)).toEqual(['Analytics basics', 'Refresher']);

    // Removing the item keeps the learning.
    expect((await as.emp.delete(`development-plan-items/${res.body.id}`)).status).toBe(204);
    expect((await enrollmentOf(res.body.enrollmentId)).status).toBe('not_started');
  });

  it('an item for an aspiration enrols with reason aspiration', async () => {
    const { org, emp, course, as } = await setup();
    const [a] = await t.ctx.db.insert(aspiration).values({ orgId: org.id, personId: emp.person.id, description: 'Analyst' }).returning();
    const res = await as.emp.post(`people/${emp.person.id}/development-plan`, { actionType: 'course', courseId: course.id, aspirationId: a!.id });
    expect(res.status).toBe(201);
    expect(await enrollmentOf(res.body.enrollmentId)).toMatchObject({ reasonType: 'aspiration', reasonRecordId: res.body.id });
  });

  it('a requested item waits for approval; the person cannot approve it; approval enrols, decline does not', async () => {
    const { emp, sql: s, course, as } = await setup();
    const url = `people/${emp.person.id}/development-plan`;
    const res = await as.emp.post(url, { actionType: 'course', courseId: course.id, skillId: s.id, requestApproval: true });
    expect(res.status).toBe(201);
    expect(res.body).toMatchObject({ approvalStatus: 'pending', enrollmentId: null });
    expect(await t.ctx.db.select().from(enrollment).where(eq(enrollment.personId, emp.person.id))).toHaveLength(0);

    expect((await as.emp.post(`development-plan-items/${res.body.id}/approve`, {})).status).toBe(404);
    expect((await as.peer.post(`development-plan-items/${res.body.id}/approve`, {})).status).toBe(404);
    const approved = await as.manager.post(`development-plan-items/${res.body.id}/approve`, {});
    expect(approved.status).toBe(200);
    expect(approved.body).toMatchObject({ approvalStatus: 'approved', enrollmentStatus: 'not_started' });
    expect(await enrollmentOf(approved.body.enrollmentId)).toMatchObject({ reasonType: 'skill_gap', source: 'self', reasonRecordId: res.body.id });
    expect((await as.manager.post(`development-plan-items/${res.body.id}/approve`, {})).status).toBe(409);

    const other = await as.emp.post(url, { actionType: 'mentoring', title: 'Mentoring with a senior analyst', requestApproval: true });
    const declined = await as.hr.post(`development-plan-items/${other.body.id}/decline`, {});
    expect(declined.body).toMatchObject({ approvalStatus: 'declined', enrollmentId: null });
  });

  it('a manager adds a course for a report: assigned, enrolled at once, approval not needed', async () => {
    const { emp, manager, course, as } = await setup();
    const res = await as.manager.post(`people/${emp.person.id}/development-plan`, { actionType: 'course', courseId: course.id, requestApproval: true });
    expect(res.status).toBe(201);
    expect(res.body.approvalStatus).toBe('not_needed');
    expect(await enrollmentOf(res.body.enrollmentId)).toMatchObject({ source: 'assigned', assignedBy: manager.person.id, reasonType: 'skill_gap' });
  });

  it('links an open enrolment the person already had', async () => {
    const { org, emp, course, as } = await setup();
    const [existing] = await enrollPeople(t, org.id, { courseId: course.id }, [emp.person.id]);
    const res = await as.manager.post(`people/${emp.person.id}/development-plan`, { actionType: 'course', courseId: course.id });
    expect(res.body.enrollmentId).toBe(existing!.id);
  });

  it('hides the plan from peers, other managers and other organisations on every route', async () => {
    const { emp, course, as } = await setup();
    const item = await as.emp.post(`people/${emp.person.id}/development-plan`, { actionType: 'project', title: 'Own a dashboard', requestApproval: true });
    const other = await setup();
    for (const c of [as.peer, as.otherManager, other.as.hr, other.as.manager]) {
      expect((await c.get(`people/${emp.person.id}/development-plan`)).status).toBe(404);
      expect((await c.post(`people/${emp.person.id}/development-plan`, { actionType: 'course', courseId: course.id })).status).toBe(404);
      expect((await c.patch(`development-plan-items/${item.body.id}`, { status: 'done' })).status).toBe(404);
      expect((await c.post(`development-plan-items/${item.body.id}/approve`, {})).status).toBe(404);
      expect((await c.post(`development-plan-items/${item.body.id}/decline`, {})).status).toBe(404);
      expect((await c.delete(`development-plan-items/${item.body.id}`)).status).toBe(404);
    }
    expect((await as.emp.get(`people/${emp.person.id}/development-plan`)).body.data[0]!.approvalStatus).toBe('pending');
  });

  it('refuses archived courses, levels outside the scale, and skills or courses of another organisation', async () => {
    const { org, emp, sql: s, stats, as } = await setup();
    const other = await setup();
    const url = `people/${emp.person.id}/development-plan`;
    const { course: archived } = await createPublishedCourse(t, org.id, { status: 'archived' });
    const path = async (body: object) => (await as.manager.post(url, body)).body.error?.details?.[0]?.path;
    expect(await path({ actionType: 'course', courseId: archived.id })).toBe('courseId');
    expect(await path({ actionType: 'course', courseId: other.course.id })).toBe('courseId');
    expect(await path({ actionType: 'course' })).toBe('courseId');
    expect(await path({ actionType: 'program' })).toBe('programId');
    expect(await path({ actionType: 'other', title: 'x', skillId: stats.id, targetLevel: 5 })).toBe('targetLevel');
    expect(await path({ actionType: 'other', title: 'x', skillId: other.sql.id })).toBe('skillId');
    expect(await path({ actionType: 'other', title: 'x', aspirationId: s.id })).toBe('aspirationId');
    expect(await path({ actionType: 'other', title: 'x', dueDate: '31/12/2026' })).toBe('dueDate');
    expect(await path({ actionType: 'stretch_assignment' })).toBe('title');
    const ok = await as.manager.post(url, { actionType: 'other', title: 'x', skillId: stats.id, targetLevel: 4 });
    expect(ok.status).toBe(201);
    expect(ok.body.gapAssessmentId).toBeNull();
    expect(
      await t.ctx.db.select().from(enrollment).where(and(eq(enrollment.orgId, org.id), eq(enrollment.personId, emp.person.id))),
    ).toHaveLength(0);
  });
});
