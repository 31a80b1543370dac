import { and, eq } from 'drizzle-orm';
import { beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { auditEvent, enrollment, group, groupMember, notification, program, programStep } from '../../src/server/db/schema/index.ts';
import { runComplianceSweep } from '../../src/server/modules/learning/compliance/compliance.jobs.ts';
import { completeEnrollment } from '../../src/server/modules/learning/index.ts';
import { dispatchEvents, systemRef } from '../../src/server/modules/platform/index.ts';
import { createTestApp, type TestApp } from '../support/app.ts';
import { signInAs, type Body } from '../support/client.ts';
import { createDepartment, createOrg, createPerson, createUser } from '../support/factories.ts';
import { createPublishedCourse, enrollPeople } from '../support/learning.ts';

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
});
// Tests move the clock a year on; sessions would expire across tests.
beforeEach(() => t.clock.set(new Date()));

const DAY = 86_400_000;

async function setup() {
  const org = await createOrg(t);
  const adminUser = await createUser(t, org.id, { firstName: 'Lea', lastName: 'Admin', roles: ['learning_admin'] });
  const empUser = await createUser(t, org.id, { firstName: 'Eli', lastName: 'Employee' });
  const { course } = await createPublishedCourse(t, org.id, { title: 'Security awareness' });
  return { org, course, admin: await signInAs(t, adminUser), emp: await signInAs(t, empUser), adminUser, empUser };
}

const enrollmentsOf = (orgId: string, courseId: string) =>
  t.ctx.db.select().from(enrollment).where(and(eq(enrollment.orgId, orgId), eq(enrollment.courseId, courseId)));

async function complete(orgId: string, enrollmentId: string) {
  const [e] = await t.ctx.db.select().from(enrollment).where(eq(enrollment.id, enrollmentId));
  return t.ctx.db.transaction((tx) => completeEnrollment(t.ctx, tx, systemRef(orgId, 'test'), e!));
}

describe('compliance rules', () => {
  it('refuses bad input with details, duplicate names, and people who are not admins', async () => {
    const { org, course, admin, emp } = await setup();
    const draft = await createPublishedCourse(t, org.id, { status: 'draft' });
    const bad = await admin.post('compliance-rules', { name: '', audience: { type: 'everyone' }, validForMonths: 121 });
    expect(bad.status).toBe(400);
    expect(bad.body.error.code).toBe('validation_failed');
    const paths = bad.body.error.details.map((d: { path: string }) => d.path);
    expect(paths).toEqual(expect.arrayContaining(['name', 'validForMonths', 'courseId']));

    const zero = await admin.post('compliance-rules', { name: 'X', courseId: course.id, audience: { type: 'everyone' }, validForMonths: 0 });
    expect(zero.status).toBe(400);
    const unknownField = await admin.raw.post('compliance-rules', { name: 'X', courseId: course.id, audience: { type: 'everyone' }, validForMonths: 12, colour: 'red' });
    expect(unknownField.status).toBe(400);
    const unpublished = await admin.post('compliance-rules', { name: 'X', courseId: draft.course.id, audience: { type: 'everyone' }, validForMonths: 12 });
    expect(unpublished.status).toBe(400);
    expect(unpublished.body.error.details[0].path).toBe('courseId');
    const noGroup = await admin.post('compliance-rules', {
      name: 'X',
      courseId: course.id,
      audience: { type: 'group', groupId: '01900000-0000-7000-8000-000000000000' },
      validForMonths: 12,
    });
    expect(noGroup.status).toBe(400);
    expect(noGroup.body.error.details[0].path).toBe('audience.groupId');

    const body: Body<'/compliance-rules', 'post'> = { name: 'Annual security', courseId: course.id, audience: { type: 'everyone' }, validForMonths: 12 };
    expect((await admin.post('compliance-rules', body)).status).toBe(201);
    const dup = await admin.post('compliance-rules', { ...body, name: 'annual SECURITY' });
    expect(dup.status).toBe(409);

    // Plain employees do not learn that rules or the dashboard exist.
    expect((await emp.get('compliance-rules')).status).toBe(404);
    expect((await emp.post('compliance-rules', { ...body, name: 'Other' })).status).toBe(404);
    expect((await emp.get('compliance/dashboard')).status).toBe(404);
    expect((await emp.get('compliance/dashboard.csv')).status).toBe(404);
    const list = await admin.get('compliance-rules');
    expect((await emp.get(`compliance/rules/${list.body.data[0]!.id}/people`)).status).toBe(404);
    expect((await emp.patch(`compliance-rules/${list.body.data[0]!.id}`, { active: false })).status).toBe(404);
  });

  it('enrols the audience at once (sub-departments included), skipping valid completions', async () => {
    const { org, course, admin } = await setup();
    const ops = await createDepartment(t, org.id, 'Operations');
    const warehouse = await createDepartment(t, org.id, 'Warehouse', ops.id);
    const a = await createPerson(t, org.id, { departmentId: ops.id });
    const b = await createPerson(t, org.id, { departmentId: warehouse.id });
    const done = await createPerson(t, org.id, { departmentId: warehouse.id });
    await createPerson(t, org.id, { departmentId: warehouse.id, status: 'inactive' });
    await createPerson(t, org.id); // not in the audience
    const [prior] = await enrollPeople(t, org.id, { courseId: course.id }, [done.id]);
    await complete(org.id, prior!.id);

    const res = await admin.post('compliance-rules', {
      name: 'Forklift safety',
      courseId: course.id,
      audience: { type: 'department', departmentId: ops.id },
      validForMonths: 24,
      dueDays: 14,
    });
    expect(res.status).toBe(201);
    expect(res.body).toMatchObject({
      enrolled: 2,
      targetTitle: 'Security awareness',
      audience: { type: 'department', id: ops.id, name: 'Operations' },
      reenrollDaysBefore: 30,
      active: true,
    });
    const rows = (await enrollmentsOf(org.id, course.id)).filter((e) => e.complianceRuleId === res.body.id);
    expect(rows.map((e) => e.personId).sort()).toEqual([a.id, b.id].sort());
    for (const e of rows) {
      expect(e).toMatchObject({ reasonType: 'compliance', source: 'rule', reasonRecordType: 'compliance_rule', reasonRecordId: res.body.id });
      expect(e.dueAt!.getTime()).toBe(t.clock.now().getTime() + 14 * DAY);
    }
    const audits = await t.ctx.db
      .select()
      .from(auditEvent)
      .where(and(eq(auditEvent.orgId, org.id), eq(auditEvent.action, 'compliance_rule.created')));
    expect(audits).toHaveLength(1);
  });

  it('an inactive rule enrols nobody until it is activated; edits are audited', async () => {
    const { org, course, admin } = await setup();
    const p = await createPerson(t, org.id);
    const res = await admin.post('compliance-rules', { name: 'Later', courseId: course.id, audience: { type: 'everyone' }, validForMonths: 12, active: false });
    expect(res.body.enrolled).toBe(0);
    await runComplianceSweep(t.ctx, [org.id]);
    expect(await enrollmentsOf(org.id, course.id)).toHaveLength(0);

    const on = await admin.patch(`compliance-rules/${res.body.id}`, { active: true, name: 'Now' });
    expect(on.status).toBe(200);
    expect(on.body).toMatchObject({ name: 'Now', active: true });
    expect(on.body.enrolled).toBeGreaterThanOrEqual(1);
    expect((await enrollmentsOf(org.id, course.id)).map((e) => e.personId)).toContain(p.id);
    expect((await admin.patch(`compliance-rules/${res.body.id}`, { dueDays: 0 })).status).toBe(400);

    expect((await admin.delete(`compliance-rules/${res.body.id}`)).status).toBe(204);
    expect((await admin.get(`compliance-rules/${res.body.id}`)).status).toBe(404);
    const actions = (await t.ctx.db.select().from(auditEvent).where(eq(auditEvent.recordId, res.body.id))).map((a) => a.action);
    expect(actions).toEqual(expect.arrayContaining(['compliance_rule.created', 'compliance_rule.updated', 'compliance_rule.deleted']));
  });

  it('lets HR admins read the rules and the dashboard, but only learning admins change rules', async () => {
    const { org, course, admin } = await setup();
    const body: Body<'/compliance-rules', 'post'> = { name: 'Fire safety', courseId: course.id, audience: { type: 'everyone' }, validForMonths: 12 };
    const rule = await admin.post('compliance-rules', body);
    expect(rule.status).toBe(201);
    const hr = await signInAs(t, await createUser(t, org.id, { roles: ['hr_admin'] }));

    expect((await hr.get('compliance-rules')).body.data.map((r: { id: string }) => r.id)).toEqual([rule.body.id]);
    expect((await hr.get(`compliance-rules/${rule.body.id}`)).status).toBe(200);
    expect((await hr.get(`compliance/dashboard?ruleId=${rule.body.id}`)).status).toBe(200);
    expect((await hr.get(`compliance/dashboard.csv?ruleId=${rule.body.id}`)).status).toBe(200);
    expect((await hr.get(`compliance/rules/${rule.body.id}/people`)).status).toBe(200);

    // Writes answer as for a rule that does not exist, and change nothing.
    expect((await hr.post('compliance-rules', { ...body, name: 'Other' })).status).toBe(404);
    expect((await hr.patch(`compliance-rules/${rule.body.id}`, { active: false })).status).toBe(404);
    expect((await hr.delete(`compliance-rules/${rule.body.id}`)).status).toBe(404);
    expect((await admin.get(`compliance-rules/${rule.body.id}`)).body).toMatchObject({ name: 'Fire safety', active: true });
    expect((await admin.get('compliance-rules')).body.data).toHaveLength(1);
  });
});

describe('compliance rules on groups', () => {
  it('enrols and counts the active members of a group only', async () => {
    const { org, course, admin } = await setup();
    const dept = await createDepartment(t, org.id, 'Drivers');
    const [g] = await t.ctx.db.insert(group).values({ orgId: org.id, name: 'Forklift drivers', kind: 'static' }).returning();
    const member = await createPerson(t, org.id, { departmentId: dept.id });
    const gone = await createPerson(t, org.id, { departmentId: dept.id, status: 'inactive' });
    await createPerson(t, org.id, { departmentId: dept.id });
    await t.ctx.db.insert(groupMember).values([member, gone].map((p) => ({ orgId: org.id, groupId: g!.id, personId: p.id })));
    const res = await admin.post('compliance-rules', { name: 'Forklift', courseId: course.id, audience: { type: 'group', groupId: g!.id }, validForMonths: 12 });
    expect(res.body).toMatchObject({ enrolled: 1, audience: { type: 'group', id: g!.id, name: 'Forklift drivers' } });
    const dash = await admin.get(`compliance/dashboard?ruleId=${res.body.id}`);
    expect(dash.body.departments).toEqual([
      expect.objectContaining({ departmentId: dept.id, departmentName: 'Drivers', people: 1, notStarted: 1, compliantPct: 0 }),
    ]);

    // A person added to the group is enrolled when the membership event is handled, before any sweep.
    const hr = await signInAs(t, await createUser(t, org.id, { roles: ['hr_admin'] }));
    const newcomer = await createPerson(t, org.id);
    expect((await hr.post(`groups/${g!.id}/members`, { personIds: [newcomer.id] })).status).toBe(200);
    await dispatchEvents(t.ctx);
    await t.ctx.jobs.drain();
    const rows = await enrollmentsOf(org.id, course.id);
    expect(rows.find((e) => e.personId === newcomer.id)).toMatchObject({ complianceRuleId: res.body.id, reasonType: 'compliance' });
  });
});

describe('compliance rules on programs', () => {
  it('enrols the audience in the program and its course steps, all due together', async () => {
    const { org, course, admin } = await setup();
    const p = await createPerson(t, org.id);
    const [prog] = await t.ctx.db.insert(program).values({ orgId: org.id, title: 'Safety path', status: 'published' }).returning();
    await t.ctx.db.insert(programStep).values({ orgId: org.id, programId: prog!.id, position: 1, kind: 'course', courseId: course.id });
    const res = await admin.post('compliance-rules', { name: 'Safety', programId: prog!.id, audience: { type: 'everyone' }, validForMonths: 24, dueDays: 20 });
    expect(res.status).toBe(201);
    expect(res.body).toMatchObject({ programId: prog!.id, courseId: null, targetTitle: 'Safety path' });
    const mine = await t.ctx.db.select().from(enrollment).where(and(eq(enrollment.orgId, org.id), eq(enrollment.personId, p.id)));
    expect(mine).toHaveLength(2);
    for (const e of mine) {
      expect(e.complianceRuleId).toBe(res.body.id);
      expect(e.dueAt!.getTime()).toBe(t.clock.now().getTime() + 20 * DAY);
    }
    const dash = await admin.get(`compliance/dashboard?ruleId=${res.body.id}`);
    expect(dash.body.total).toMatchObject({ people: 3, compliant: 0, notStarted: 3 });
    // Asking for both a course and a program is refused.
    const both = await admin.post('compliance-rules', { name: 'Both', programId: prog!.id, courseId: course.id, audience: { type: 'everyone' }, validForMonths: 1 });
    expect(both.status).toBe(400);
  });
});

describe('compliance sweep', () => {
  it('re-enrols before expiry (due at the old expiry), expires completions, enrols newcomers, and is idempotent', async () => {
    const { org, course, admin, adminUser } = await setup();
    const dept = await createDepartment(t, org.id, 'Support');
    const p = await createPerson(t, org.id, { departmentId: dept.id });
    const rule = await admin.post('compliance-rules', {
      name: 'Annual security',
      courseId: course.id,
      audience: { type: 'department', departmentId: dept.id },
      validForMonths: 12,
      reenrollDaysBefore: 30,
      dueDays: 10,
    });
    const [first] = await enrollmentsOf(org.id, course.id);
    const completed = await complete(org.id, first!.id);
    expect(completed.expiresAt).not.toBeNull();
    const expiresAt = completed.expiresAt!;

    // Two months before expiry: nothing to do.
    t.clock.set(new Date(expiresAt.getTime() - 60 * DAY));
    await runComplianceSweep(t.ctx, [org.id]);
    expect(await enrollmentsOf(org.id, course.id)).toHaveLength(1);

    // Within the window: one renewal, due when the completion expires; twice changes nothing.
    t.clock.set(new Date(expiresAt.getTime() - 20 * DAY));
    await runComplianceSweep(t.ctx, [org.id]);
    await runComplianceSweep(t.ctx, [org.id]);
    let rows = await enrollmentsOf(org.id, course.id);
    expect(rows).toHaveLength(2);
    const renewal = rows.find((e) => e.id !== first!.id)!;
    expect(renewal).toMatchObject({ status: 'not_started', complianceRuleId: rule.body.id, reasonType: 'compliance', source: 'rule' });
    expect(renewal.dueAt!.getTime()).toBe(expiresAt.getTime());

    // Past expiry: the completion expires (audited, learner told); the renewal is now overdue.
    t.clock.set(new Date(expiresAt.getTime() + DAY));
    const newcomer = await createPerson(t, org.id, { departmentId: dept.id });
    await runComplianceSweep(t.ctx, [org.id]);
    await runComplianceSweep(t.ctx, [org.id]);
    rows = await enrollmentsOf(org.id, course.id);
    expect(rows.find((e) => e.id === first!.id)!.status).toBe('expired');
    expect(rows).toHaveLength(3);
    const fresh = rows.find((e) => e.personId === newcomer.id)!;
    expect(fresh.dueAt!.getTime()).toBe(t.clock.now().getTime() + 10 * DAY);
    const notes = await t.ctx.db.select().from(notification).where(and(eq(notification.orgId, org.id), eq(notification.personId, p.id)));
    expect(notes.filter((n) => n.kind === 'learning.expired')).toHaveLength(1);
    const expiredAudit = await t.ctx.db.select().from(auditEvent).where(and(eq(auditEvent.recordId, first!.id), eq(auditEvent.action, 'enrollment.expired')));
    expect(expiredAudit).toHaveLength(1);

    const later = await signInAs(t, adminUser);
    const dash = await later.get(`compliance/dashboard?ruleId=${rule.body.id}`);
    expect(dash.body.total).toMatchObject({ people: 2, compliant: 0, overdue: 1, notStarted: 1 });
  });

  it('does not tell someone who renewed in time that their old completion expired', async () => {
    const { org, course, admin } = await setup();
    const p = await createPerson(t, org.id);
    await admin.post('compliance-rules', { name: 'Yearly', courseId: course.id, audience: { type: 'everyone' }, validForMonths: 12 });
    const first = (await enrollmentsOf(org.id, course.id)).find((e) => e.personId === p.id)!;
    const done = await complete(org.id, first.id);
    t.clock.set(new Date(done.expiresAt!.getTime() - 10 * DAY));
    await runComplianceSweep(t.ctx, [org.id]);
    const renewal = (await enrollmentsOf(org.id, course.id)).find((e) => e.personId === p.id && e.id !== first.id)!;
    await complete(org.id, renewal.id);
    t.clock.set(new Date(done.expiresAt!.getTime() + DAY));
    await runComplianceSweep(t.ctx, [org.id]);
    const rows = await enrollmentsOf(org.id, course.id);
    expect(rows.find((e) => e.id === first.id)!.status).toBe('expired');
    expect(rows.filter((e) => e.personId === p.id)).toHaveLength(2);
    const notes = await t.ctx.db.select().from(notification).where(and(eq(notification.orgId, org.id), eq(notification.personId, p.id)));
    expect(notes.filter((n) => n.kind === 'learning.expired')).toEqual([]);
  });
});

describe('compliance dashboard', () => {
  it('counts per department with a total, exports CSV, and drills down by status with pagination', async () => {
    const { org, course, admin: before, adminUser } = await setup();
    const sales = await createDepartment(t, org.id, 'Sales');
    const eng = await createDepartment(t, org.id, 'Engineering');
    const s1 = await createPerson(t, org.id, { departmentId: sales.id, lastName: 'Adams' });
    const s2 = await createPerson(t, org.id, { departmentId: sales.id, lastName: 'Baker' });
    const s3 = await createPerson(t, org.id, { departmentId: sales.id, lastName: 'Clark' });
    const e1 = await createPerson(t, org.id, { departmentId: eng.id, lastName: 'Dunn' });
    const rule = await before.post('compliance-rules', {
      name: 'Code of conduct',
      courseId: course.id,
      audience: { type: 'everyone' },
      validForMonths: 12,
      dueDays: 5,
    });
    const rows = await enrollmentsOf(org.id, course.id);
    const of = (id: string) => rows.find((e) => e.personId === id)!;
    await complete(org.id, of(s1.id).id);
    await complete(org.id, of(e1.id).id);
    await t.ctx.db.update(enrollment).set({ status: 'in_progress' }).where(eq(enrollment.id, of(s2.id).id));
    // 11.5 months on: s1 and e1 are expiring; s2 and s3 (and the two users) are overdue.
    t.clock.advance(350 * DAY);
    const admin = await signInAs(t, adminUser);

    const dash = await admin.get(`compliance/dashboard?ruleId=${rule.body.id}`);
    expect(dash.status).toBe(200);
    const salesRow = dash.body.departments.find((d) => d.departmentId === sales.id);
    expect(salesRow).toMatchObject({ departmentName: 'Sales', people: 3, compliant: 1, compliantPct: 33.3, expiring: 1, overdue: 2 });
    const engRow = dash.body.departments.find((d) => d.departmentId === eng.id);
    expect(engRow).toMatchObject({ people: 1, compliant: 1, compliantPct: 100, expiring: 1, overdue: 0 });
    expect(dash.body.total).toMatchObject({ people: 6, compliant: 2, overdue: 4 });

    // Without a rule: all active rules; the same here.
    const all = await admin.get('compliance/dashboard');
    expect(all.body.total.people).toBe(6);
    expect(all.body.rules).toEqual([{ id: rule.body.id, name: 'Code of conduct' }]);

    const csv = await admin.get(`compliance/dashboard.csv?ruleId=${rule.body.id}`);
    expect(csv.status).toBe(200);
    expect(csv.headers.get('content-type')).toContain('text/csv');
    expect(csv.headers.get('content-disposition')).toMatch(/attachment; filename="compliance-code-of-conduct-\d{4}-\d{2}-\d{2}\.csv"/);
    const lines = (csv.body as string).trim().split('\n');
    expect(lines[0]).toBe('Department,People,Compliant,Compliant %,Expiring within 30 days,Overdue,In progress,Not started');
    expect(lines).toContain('Sales,3,1,33.3,1,2,0,0');
    expect(lines.at(-1)).toMatch(/^Total,6,2,/);

    const overdue = await admin.get(`compliance/rules/${rule.body.id}/people?status=overdue&departmentId=${sales.id}&limit=1`);
    expect(overdue.status).toBe(200);
    expect(overdue.body.data.map((p: { personId: string }) => p.personId)).toEqual([s2.id]);
    expect(overdue.body.data[0]).toMatchObject({ status: 'overdue', departmentName: 'Sales', enrollmentId: of(s2.id).id });
    const next = await admin.get(`compliance/rules/${rule.body.id}/people?status=overdue&departmentId=${sales.id}&limit=1&cursor=${overdue.body.nextCursor}`);
    expect(next.body.data.map((p: { personId: string }) => p.personId)).toEqual([s3.id]);
    expect(next.body.nextCursor).toBeNull();
    const expiring = await admin.get(`compliance/rules/${rule.body.id}/people?status=expiring`);
    expect(expiring.body.data.map((p: { personId: string }) => p.personId).sort()).toEqual([s1.id, e1.id].sort());
    expect(expiring.body.data[0]!.validUntil).not.toBeNull();

    // The two users have no department.
    const loose = await admin.get(`compliance/rules/${rule.body.id}/people?departmentId=none`);
    expect(loose.body.data).toHaveLength(2);
    expect(loose.body.data.every((p: { departmentId: string | null }) => p.departmentId === null)).toBe(true);
    expect((await admin.get(`compliance/rules/${rule.body.id}/people?status=lapsed`)).status).toBe(400);
    expect((await admin.get(`compliance/rules/${rule.body.id}/people?cursor=nonsense`)).status).toBe(400);
    expect((await admin.get('compliance/dashboard?ruleId=01900000-0000-7000-8000-000000000000')).status).toBe(404);
  });

  it('does not show another organisation’s rules', async () => {
    const one = await setup();
    const two = await setup();
    const rule = await one.admin.post('compliance-rules', { name: 'Mine', courseId: one.course.id, audience: { type: 'everyone' }, validForMonths: 12 });
    expect((await two.admin.get(`compliance-rules/${rule.body.id}`)).status).toBe(404);
    expect((await two.admin.get(`compliance/dashboard?ruleId=${rule.body.id}`)).status).toBe(404);
    expect((await two.admin.get('compliance-rules')).body.data).toEqual([]);
  });
});
